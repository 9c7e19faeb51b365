// tsconfig.json maps this specifier to @actions/github's lib/context.js, which its package does not export
// on its own; TypeScript then finds the script but not its declarations. The part of Context read here:
declare module '@actions/github/lib/context.js' {
  export class Context {
    readonly serverUrl: string;
    get repo(): { owner: string; repo: string };
  }
}

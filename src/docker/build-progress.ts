// BuildKit's progress as JSON (`--progress=rawjson`: one JSON object after another, each over several lines),
// read as it comes: shown in the log as `--progress=plain` shows it, and kept for what the cache did.

interface Vertex {
  readonly digest: string;
  readonly number: number;
  name: string;
  cached: boolean;
  completed: boolean;
  error: string;
  started: string | undefined;
  completedAt: string | undefined;
  /** A log line not yet ended. */
  pending: string;
  /** Its last lines of output, without the progress prefix. */
  output: string[];
}

interface RawVertex {
  readonly digest?: unknown;
  readonly name?: unknown;
  readonly cached?: unknown;
  readonly started?: unknown;
  readonly completed?: unknown;
  readonly error?: unknown;
}

interface RawLog {
  readonly vertex?: unknown;
  readonly data?: unknown;
  readonly timestamp?: unknown;
}

interface RawWarning {
  readonly vertex?: unknown;
  readonly short?: unknown;
}

/** A step of the Dockerfile (a RUN, COPY, ADD, WORKDIR …; not FROM, not BuildKit's own work). */
export interface BuildStep {
  readonly name: string;
  readonly cached: boolean;
}

/** A registry cache source BuildKit tried: found, or why not. */
export interface CacheImport {
  readonly ref: string;
  readonly error: string | undefined;
}

/** A Dockerfile step that failed: its name as the builder shows it, and the last lines it printed. */
export interface FailedStep {
  readonly name: string;
  readonly output: readonly string[];
}

/** How much of a failed step's output the error repeats. */
export const FAILED_STEP_LINES = 20;

// `[stage 2/4] RUN …`, `[2/4] COPY …`: the Dockerfile's own steps; `[internal] …` and `[stamp] exporting …` are not.
const STEP_NAME = /^\[(?:[^\]]+ )?\d+\/\d+\] (\S+)/;
const CACHE_IMPORT_NAME = /^(?:\[[^\]]*\] )?importing cache manifest from (\S+)$/;

export class BuildProgress {
  private readonly vertices = new Map<string, Vertex>();
  private readonly rendered: string[] = [];
  // The splitter's state: depth of braces, inside a string, after a backslash, the object or text so far.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private object = '';
  private text = '';

  /** Takes the next chunk of output; returns what to show of it in the log (plain lines). */
  write(chunk: string): string {
    const out: string[] = [];
    for (const char of chunk) {
      if (this.depth === 0) {
        if (char === '{' && this.text.trim() === '') {
          this.text = '';
          this.depth = 1;
          this.object = char;
        } else if (char === '\n') {
          if (this.text.trim() !== '') out.push(this.text);
          this.text = '';
        } else this.text += char;
        continue;
      }
      this.object += char;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === '\\') this.escaped = true;
        else if (char === '"') this.inString = false;
      } else if (char === '"') this.inString = true;
      else if (char === '{') this.depth++;
      else if (char === '}' && --this.depth === 0) {
        out.push(...this.take(this.object));
        this.object = '';
      }
    }
    this.rendered.push(...out);
    return out.map((line) => `${line}\n`).join('');
  }

  /** The output has ended: what is left to show. */
  end(): string {
    const out: string[] = [];
    for (const vertex of this.vertices.values()) if (vertex.pending !== '') out.push(this.line(vertex, vertex.pending));
    if (this.text.trim() !== '') out.push(this.text);
    if (this.object.trim() !== '') out.push(this.object);
    this.text = '';
    this.object = '';
    this.rendered.push(...out);
    return out.map((line) => `${line}\n`).join('');
  }

  /** Everything shown so far, as the log has it. */
  log(): string {
    return this.rendered.join('\n');
  }

  /** The Dockerfile's steps that completed, each once: reused from a cache, or run. */
  steps(): BuildStep[] {
    return [...this.vertices.values()]
      .filter((vertex) => vertex.completed || vertex.cached)
      .map((vertex) => ({ vertex, kind: STEP_NAME.exec(vertex.name)?.[1] }))
      .filter(({ kind }) => kind !== undefined && kind.toUpperCase() !== 'FROM')
      .map(({ vertex }) => ({ name: vertex.name, cached: vertex.cached }));
  }

  /** The step whose own error failed the build (not one cancelled with it), and its last lines of output. */
  failedStep(): FailedStep | undefined {
    const failed = [...this.vertices.values()].find(
      (vertex) =>
        vertex.error !== '' && STEP_NAME.test(vertex.name) && !/\b(?:context )?cancel+ed\b/i.test(vertex.error),
    );
    if (failed === undefined) return undefined;
    const output = failed.pending === '' ? failed.output : [...failed.output, failed.pending];
    return { name: failed.name, output: output.slice(-FAILED_STEP_LINES) };
  }

  /** The registry cache sources BuildKit tried, each once. */
  cacheImports(): CacheImport[] {
    const imports = new Map<string, CacheImport>();
    for (const vertex of this.vertices.values()) {
      const ref = CACHE_IMPORT_NAME.exec(vertex.name)?.[1];
      if (ref === undefined || !vertex.completed) continue;
      const error = vertex.error === '' ? undefined : vertex.error;
      // Both targets import the same source: a miss in either is a miss.
      if (!imports.has(ref) || error !== undefined) imports.set(ref, { ref, error });
    }
    return [...imports.values()];
  }

  private take(json: string): string[] {
    let status: { vertexes?: unknown; logs?: unknown; warnings?: unknown };
    try {
      status = JSON.parse(json) as typeof status;
    } catch {
      return [json];
    }
    const out: string[] = [];
    for (const raw of Array.isArray(status.vertexes) ? (status.vertexes as RawVertex[]) : [])
      out.push(...this.vertex(raw));
    for (const raw of Array.isArray(status.logs) ? (status.logs as RawLog[]) : []) out.push(...this.logLines(raw));
    for (const raw of Array.isArray(status.warnings) ? (status.warnings as RawWarning[]) : []) {
      if (typeof raw.short === 'string') out.push(`WARNING: ${Buffer.from(raw.short, 'base64').toString().trim()}`);
    }
    return out;
  }

  private known(digest: string, name: string): { vertex: Vertex; isNew: boolean } {
    const existing = this.vertices.get(digest);
    if (existing !== undefined) return { vertex: existing, isNew: false };
    const vertex: Vertex = {
      digest,
      number: this.vertices.size + 1,
      name,
      cached: false,
      completed: false,
      error: '',
      started: undefined,
      completedAt: undefined,
      pending: '',
      output: [],
    };
    this.vertices.set(digest, vertex);
    return { vertex, isNew: true };
  }

  private vertex(raw: RawVertex): string[] {
    if (typeof raw.digest !== 'string') return [];
    const name = typeof raw.name === 'string' ? raw.name : raw.digest;
    const { vertex, isNew } = this.known(raw.digest, name);
    const out: string[] = isNew ? [`#${vertex.number} ${name}`] : [];
    if (raw.cached === true) vertex.cached = true;
    if (typeof raw.started === 'string') vertex.started ??= raw.started;
    if (typeof raw.error === 'string' && raw.error !== '') vertex.error = raw.error;
    if (typeof raw.completed === 'string' && !vertex.completed) {
      vertex.completed = true;
      vertex.completedAt = raw.completed;
      if (vertex.pending !== '') {
        out.push(this.line(vertex, vertex.pending));
        vertex.output.push(vertex.pending);
      }
      vertex.pending = '';
      out.push(`#${vertex.number} ${this.outcome(vertex)}`);
    }
    return out;
  }

  private outcome(vertex: Vertex): string {
    if (vertex.error !== '') return `ERROR: ${vertex.error}`;
    if (vertex.cached) return 'CACHED';
    const seconds =
      vertex.started === undefined || vertex.completedAt === undefined
        ? undefined
        : (Date.parse(vertex.completedAt) - Date.parse(vertex.started)) / 1000;
    return seconds === undefined || Number.isNaN(seconds) ? 'DONE' : `DONE ${seconds.toFixed(1)}s`;
  }

  private logLines(raw: RawLog): string[] {
    if (typeof raw.vertex !== 'string' || typeof raw.data !== 'string') return [];
    const { vertex } = this.known(raw.vertex, raw.vertex);
    // As plain progress shows a step's output: with the seconds since the step started.
    const seconds =
      typeof raw.timestamp === 'string' && vertex.started !== undefined
        ? (Date.parse(raw.timestamp) - Date.parse(vertex.started)) / 1000
        : Number.NaN;
    const lines = (vertex.pending + Buffer.from(raw.data, 'base64').toString()).split(/\r?\n/);
    vertex.pending = lines.pop() ?? '';
    vertex.output.push(...lines);
    vertex.output.splice(0, Math.max(0, vertex.output.length - FAILED_STEP_LINES));
    return lines.map((line) => this.line(vertex, Number.isFinite(seconds) ? `${seconds.toFixed(3)} ${line}` : line));
  }

  private line(vertex: Vertex, text: string): string {
    return `#${vertex.number} ${text}`;
  }
}

/**
 * Work off the loop's critical path (the build's tidying): deferred until start(), then run beside the next
 * phases; finish() starts what still waits and waits for all of it, before the run ends. The work never rejects.
 */
export class BackgroundWork {
  private readonly waiting: (() => Promise<void>)[] = [];
  private readonly running: Promise<void>[] = [];

  defer(work: () => Promise<void>): void {
    this.waiting.push(work);
  }

  start(): void {
    for (const work of this.waiting.splice(0)) this.running.push(work());
  }

  async finish(): Promise<void> {
    this.start();
    await Promise.all(this.running);
  }
}

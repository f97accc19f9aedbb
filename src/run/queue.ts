/** A bounded queue between the reader of reports and the pages that print them. */

/** Items waiting for a worker, handed out in the order they were pushed. */
export class JobQueue<Job> {
  private readonly items: Job[] = [];
  private readonly waiting: ((job: Job | undefined) => void)[] = [];
  private readonly room: (() => void)[] = [];
  private ended = false;

  constructor(private readonly capacity: number) {}

  /** Adds a report; waits while the queue is full (or returns at once once it has ended). */
  async push(job: Job): Promise<void> {
    while (this.items.length >= this.capacity && !this.ended && this.waiting.length === 0) {
      await new Promise<void>((resolve) => this.room.push(resolve));
    }
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter(job);
    else this.items.push(job);
  }

  end(): void {
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter(undefined);
    for (const wake of this.room.splice(0)) wake();
  }

  /** The next report, or undefined once every report has been handed out. */
  next(): Promise<Job | undefined> {
    const item = this.items.shift();
    this.room.shift()?.();
    if (item || this.ended) return Promise.resolve(item);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

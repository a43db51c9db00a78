/**
 * Saves the world to its file shortly after each action (actions come in bursts: an edit fires a
 * trigger, a sidebar calls the server twice), and at once on flush (shutdown).
 */
import type { World } from '../../runtime';
import { saveWorldFile } from '../../runtime/persistence';

const DEBOUNCE_MS = 400;

export class StateSaver {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly world: World,
    private readonly file: string | null,
    private readonly log: (message: string) => void,
  ) {}

  schedule(): void {
    if (this.file === null) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.file === null) return;
    try {
      // Only what is still on screen of the UI history: a long session would otherwise keep every sidebar.
      saveWorldFile(this.world, this.file, { ui: 'latest' });
    } catch (error) {
      this.log(`Could not save ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

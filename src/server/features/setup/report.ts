/** What a setup run did, for the summary shown to the administrator. */
export class SetupReport {
  readonly created: string[] = [];
  readonly repaired: string[] = [];
  readonly warnings: string[] = [];
  /** What the administrator does next (a new workbook: the team, the form's link). */
  readonly nextSteps: string[] = [];
  /** Part of the work was left for the next run (nextSteps says what and how long). */
  unfinished = false;

  get changedAnything(): boolean {
    return this.created.length > 0 || this.repaired.length > 0;
  }

  summary(): string {
    const parts: string[] = [];
    if (this.created.length) parts.push(`Created: ${this.created.join('; ')}.`);
    if (this.repaired.length) parts.push(`Repaired: ${this.repaired.join('; ')}.`);
    if (!this.changedAnything) parts.push('Everything was already in place; nothing was changed.');
    if (this.warnings.length) parts.push(`Please check: ${this.warnings.join('; ')}.`);
    if (this.nextSteps.length) parts.push(`Next: ${this.nextSteps.join(' ')}`);
    return parts.join('\n');
  }
}

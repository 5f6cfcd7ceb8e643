// A paged list shown a page at a time: the next page loads when its "Load more" button scrolls into view (an
// IntersectionObserver watches it) or is pressed; the button goes once the list has no next page.
import { show } from './dom.js';

export class Pager {
  /**
   * {@code fetchPage(cursor)} answers {items, nextCursor}; {@code onItems(items)} shows them; {@code onEnd()} runs
   * after the last page; {@code onError(error)} when a page could not be read.
   */
  constructor(button, { fetchPage, onItems, onEnd = () => {}, onError = () => {} }) {
    this.button = button;
    this.handlers = { fetchPage, onItems, onEnd, onError };
    this.generation = 0;
    this.visible = false;
    button.addEventListener('click', () => this.load());
    new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      if (this.visible) this.load();
    }, { rootMargin: '200px' }).observe(button);
    this.reset();
  }

  /** Forgets the list's place: the next load reads its first page. */
  reset() {
    this.generation++;
    this.cursor = null;
    this.started = false;
    this.done = false;
    this.loading = false;
    show(this.button, false);
  }

  /** Reads the next page that has photos (a page may be empty while its cursor still leads on). */
  async load() {
    if (this.loading || this.done) return;
    const generation = this.generation;
    this.loading = true;
    this.button.disabled = true;
    let failed = false;
    try {
      let page;
      do {
        page = await this.handlers.fetchPage(this.started ? this.cursor : null);
        if (generation !== this.generation) return;
        this.started = true;
        this.cursor = page.nextCursor;
        this.handlers.onItems(page.items);
      } while (page.items.length === 0 && this.cursor);
      this.done = !this.cursor;
    } catch (error) {
      if (generation !== this.generation) return;
      this.done = true;
      failed = true;
      this.handlers.onError(error);
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.button.disabled = false;
      }
    }
    show(this.button, !this.done);
    if (this.done) {
      if (!failed) this.handlers.onEnd();
    } else if (this.visible) {
      // still in view after the page was added: the observer reports no new crossing, so read on
      requestAnimationFrame(() => this.visible && this.load());
    }
  }
}

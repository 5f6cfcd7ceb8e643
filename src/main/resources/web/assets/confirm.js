// Asks the person to confirm what cannot be undone, in a modal <dialog> that names what goes; true only when they
// press the action's button (Cancel, the default, and Escape say no).
import { h } from './dom.js';

export function confirmDialog({ title, text, action }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title',
      'aria-describedby': 'confirm-text' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'row confirm-buttons' },
        h('button', { type: 'submit', value: 'cancel', class: 'secondary', autofocus: true }, 'Cancel'),
        h('button', { type: 'submit', value: 'confirm', class: 'danger' }, action))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

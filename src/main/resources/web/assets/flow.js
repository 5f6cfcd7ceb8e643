// The processing flow as a small diagram, like the Step Functions console: each step lights up as it completes.
import { h } from './dom.js';

const STEPS = [
  ['read-image', 'Read'],
  ['extract-metadata', 'Metadata'],
  ['check-image', 'Type check'],
  ['store-metadata', 'Store'],
  ['decode-image', 'Decode'],
  [['detect-labels', 'Labels'], ['make-thumbnail', 'Thumbnail']],
  ['finish-execution', 'Aggregate'],
];

function box(id, label) {
  return h('li', { class: 'step', dataset: { step: id, state: 'PENDING' } },
    h('span', { class: 'step-name' }, label),
    h('span', { class: 'step-info' }, ''));
}

export function flowDiagram() {
  return h('ol', { class: 'flow', 'aria-label': 'Processing steps' },
    h('li', { class: 'step terminal', dataset: { step: 'start', state: 'PENDING' } },
      h('span', { class: 'step-name' }, 'Start')),
    STEPS.map((step) => Array.isArray(step[0])
      ? h('li', { class: 'parallel' }, h('ol', {}, step.map(([id, label]) => box(id, label))))
      : box(...step)),
    h('li', { class: 'step terminal', dataset: { step: 'end', state: 'PENDING' } },
      h('span', { class: 'step-name' }, 'End')));
}

const WORDS = { RUNNING: 'running', SUCCEEDED: 'done', FAILED: 'failed', SKIPPED: 'skipped' };

/** Lights the diagram up from the item's steps map and status. */
export function updateFlow(diagram, item) {
  const steps = item.steps ?? {};
  const started = item.status && item.status !== 'UPLOADED';
  set(diagram, 'start', started ? 'SUCCEEDED' : 'PENDING', '');
  for (const node of diagram.querySelectorAll('.step:not(.terminal)')) {
    const step = steps[node.dataset.step];
    const state = step?.status ?? 'PENDING';
    const info = !step ? '' : step.durationMs !== undefined
      ? `${WORDS[state] ?? state} · ${step.durationMs} ms` : WORDS[state] ?? state;
    set(diagram, node.dataset.step, state, info, step?.error);
  }
  const end = item.status === 'SUCCEEDED' ? 'SUCCEEDED' : item.status === 'FAILED' ? 'FAILED' : 'PENDING';
  set(diagram, 'end', end, '');
}

function set(diagram, id, state, info, error) {
  const node = diagram.querySelector(`[data-step="${id}"]`);
  node.dataset.state = state;
  const infoNode = node.querySelector('.step-info');
  if (infoNode) infoNode.textContent = info;
  node.title = error ? `${state}: ${error}` : state;
}

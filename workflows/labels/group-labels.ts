import type { GroupMeta, Label } from '../engine/types';

/** How people call each kind of group step. */
export const GROUP_MODE_LABELS: Record<GroupMeta['mode'], Label> = {
  all: { zh: '会签', en: 'All sign' },
  any: { zh: '或签', en: 'Any one signs' },
  sequence: { zh: '依次审批', en: 'In turn' },
};

/** A pass ratio as people write it: ⅔ → 2/3, 0.5 → 1/2 (denominators up to 10), else a percentage. */
function ratioWords(ratio: number): string {
  for (let d = 2; d <= 10; d++) {
    const n = Math.round(ratio * d);
    if (Math.abs(n / d - ratio) < 1e-6) return `${n}/${d}`;
  }
  return `${Math.round(ratio * 100)}%`;
}

/**
 * The badge of a group step (admin diagram, task page): 会签 2 人, 会签 2/3 通过, 或签 3 人, 依次 3 人;
 * without a member count (the diagram of a definition, where people are not known): 会签, 或签 …
 */
export function groupBadge(group: GroupMeta, members?: number): Label {
  const mode = GROUP_MODE_LABELS[group.mode];
  const ratio = group.mode === 'all' && group.passRatio !== undefined && group.passRatio < 1 ? ratioWords(group.passRatio) : null;
  const zh = [mode.zh, members !== undefined ? `${members} 人` : null, ratio ? `${ratio} 通过` : null].filter(Boolean).join(' ');
  const en = [mode.en, members !== undefined ? `(${members})` : null, ratio ? `${ratio} pass` : null].filter(Boolean).join(' ');
  return { zh, en };
}

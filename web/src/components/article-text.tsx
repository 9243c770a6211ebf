// The extracted text with the analysis highlighted in place (article-spans.ts builds the ranges;
// they render as React elements, the text stays escaped). The selected side-panel item and the
// ?evidence= sentence are scrolled into view and focused, so keyboard users land on them too.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { buildTree, type Annotation, type Mark, type TextNode } from './article-spans';

export interface Selection {
  key: string;
  /** Which piece of the key to show (repeated clicks walk through an entity's mentions). */
  nth: number;
}

function MarkEl({ mark, active, children }: { mark: Mark; active: boolean; children: ReactNode }) {
  const props = {
    'data-ann': mark.keys.join(' '),
    title: mark.titles.join('\n'),
    tabIndex: active || mark.layer === 'evidence' ? -1 : undefined,
  };
  const cls = (c: string) => `${c}${active ? ' is-active' : ''}`;
  if (mark.layer === 'evidence')
    return (
      <mark id="article-evidence" className="article-evidence" aria-label="evidence sentence" {...props}>
        {children}
      </mark>
    );
  if (mark.layer === 'entity')
    return (
      <mark className={cls(`article-entity ent-${mark.variant ?? 'other'}`)} {...props}>
        {children}
      </mark>
    );
  return (
    <span className={cls(`article-${mark.layer}`)} {...props}>
      {children}
    </span>
  );
}

function render(nodes: TextNode[], active: string | null): ReactNode[] {
  return nodes.map((n) =>
    typeof n === 'string' ? (
      n
    ) : (
      <MarkEl key={`${n.mark.layer}${n.mark.start}`} mark={n.mark} active={active !== null && n.mark.keys.includes(active)}>
        {render(n.children, active)}
      </MarkEl>
    ),
  );
}

export function ArticleText({ text, annotations, selection, evidenceFound, language }: { text: string; annotations: Annotation[]; selection: Selection | null; evidenceFound: boolean; language: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  const tree = useMemo(() => buildTree(text, annotations), [text, annotations]);

  useEffect(() => {
    if (!selection) return;
    const pieces = box.current?.querySelectorAll<HTMLElement>(`[data-ann~="${CSS.escape(selection.key)}"]`);
    const el = pieces?.[selection.nth % pieces.length];
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [selection, tree]);

  useEffect(() => {
    if (!evidenceFound) return;
    const el = box.current?.querySelector<HTMLElement>('#article-evidence');
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [evidenceFound]);

  return (
    <div ref={box} className="article-text" lang={language ?? undefined}>
      {render(tree, selection?.key ?? null)}
    </div>
  );
}

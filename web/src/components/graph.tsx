// A network of actors (Cytoscape, loaded only when a graph is shown so the first screen stays
// small). Nodes are actors, edges carry an event count and a tone colour; clicking a node
// calls onSelect (the actor page opens it). The same edges are listed in a table for the keyboard.
import { useEffect, useRef } from 'react';
import { CONFLICT, COOPERATION, NEUTRAL } from '../lib/colors';

export interface GraphNode {
  id: string;
  label: string;
  central?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  count: number;
  /** Mean intensity −10…+10. */
  tone: number;
}

function toneColor(tone: number): string {
  if (tone <= -1) return CONFLICT;
  if (tone >= 1) return COOPERATION;
  return NEUTRAL;
}

/** Cytoscape adds a <style> element to <head> unless one with this id exists; the page's CSP
 * (style-src 'self') blocks it, so a placeholder goes there first (styles.css positions .graph). */
function keepCytoscapeFromInjectingStyle(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.appendChild(placeholder);
}

export function Graph({ nodes, edges, onSelect, label }: { nodes: GraphNode[]; edges: GraphEdge[]; onSelect?: (id: string) => void; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let destroyed = false;
    let cy: { destroy(): void } | null = null;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      keepCytoscapeFromInjectingStyle();
      const max = Math.max(1, ...edges.map((e) => e.count));
      const instance = cytoscape({
        container: box.current,
        elements: [
          ...nodes.map((n) => ({ data: { id: n.id, label: n.label }, classes: n.central ? 'central' : '' })),
          ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, w: 1 + (5 * e.count) / max, color: toneColor(e.tone), label: String(e.count) } })),
        ],
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#2e86c1', width: 18, height: 18 } },
          { selector: 'node.central', style: { 'background-color': '#1a5276', width: 28, height: 28 } },
          { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9 } },
        ],
        layout: { name: 'cose', animate: false },
        // The page scrolls with the wheel; zoom with the buttons or pinch.
        userZoomingEnabled: false,
      });
      instance.on('tap', 'node', (evt) => onSelect?.(evt.target.id() as string));
      cy = instance;
    });
    return () => {
      destroyed = true;
      cy?.destroy();
    };
  }, [nodes, edges, onSelect]);
  return <div ref={box} className="graph" role="img" aria-label={label} />;
}

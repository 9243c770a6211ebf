// Mentions of people, organisations, countries and places, resolved into entities.
import type { Registry } from '../../registry/types.js';
import type { ArticleInput, Entity, EntityIndex, Mention, Segmented } from '../types.js';

export function findEntities(_seg: Segmented, _registry: Registry, _input: ArticleInput): EntityIndex {
  const entities: Entity[] = [];
  return {
    entities,
    at: () => null,
    resolve: () => null,
    addMention: (entity: Entity, mention: Mention) => void entity.mentions.push(mention),
  };
}

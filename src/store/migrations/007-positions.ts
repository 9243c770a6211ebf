// Migration 7: stored positions (src/opinion). When an opinion or analysis piece is analysed,
// its position on each issue of data/lexicon/positions.yaml is saved with its evidence
// sentences (article_positions); each reader comment is scored once when it is stored or its
// article analysed (comment_positions). `readout columnists` / `readout readers` and the API
// aggregate these rows and never re-read article or comment text. Version 6 is the alerts'.
import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const positionsSchema: Migration = {
  version: 7,
  name: 'opinion positions',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('article_positions')
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('issue', 'text', (c) => c.notNull())
      .addColumn('position', 'double precision')
      .addColumn('hawkish', 'double precision', (c) => c.notNull())
      .addColumn('engagement', 'double precision', (c) => c.notNull())
      .addColumn('tone', 'double precision', (c) => c.notNull())
      .addColumn('cues', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('scorer_version', 'text', (c) => c.notNull())
      .addColumn('scored_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_positions_pk', ['article_id', 'issue'])
      .execute();
    await db.schema.createIndex('article_positions_issue_idx').on('article_positions').columns(['issue', 'article_id']).execute();
    await db.schema
      .createTable('comment_positions')
      .addColumn('comment_id', idType, (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('issue', 'text', (c) => c.notNull())
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'double precision')
      .addColumn('tone', 'double precision', (c) => c.notNull())
      .addColumn('cues', 'integer', (c) => c.notNull())
      .addColumn('scorer_version', 'text', (c) => c.notNull())
      .addColumn('scored_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_positions_pk', ['comment_id', 'issue'])
      .execute();
    await db.schema.createIndex('comment_positions_article_idx').on('comment_positions').columns(['article_id', 'issue']).execute();
  },
};

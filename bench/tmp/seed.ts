import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/platform';
import { benchEnvironment } from '../support';
(async () => {
  const env = await benchEnvironment();
  const db = new DataSource(dataSourceOptions(env.databaseUrl, []));
  await db.initialize();
  const [ws] = await db.query(`INSERT INTO workspaces (id, name, created_at) VALUES (gen_random_uuid(), 'w', now()) RETURNING id`).catch(async (e) => { console.log(e.message); return db.query(`SELECT gen_random_uuid() AS id`); });
  const [g] = await db.query(`INSERT INTO groups (id, workspace_id, name, member_count, created_at, updated_at) VALUES (gen_random_uuid(), $1, 'g', 1000000, now(), now()) RETURNING id`, [ws.id]).catch((e) => { console.log(e.message); return [{}]; });
  await db.query(`INSERT INTO contacts (id, workspace_id, phone, first_name, custom_fields, opted_out, created_at, updated_at)
       SELECT gen_random_uuid(), $1, '+1' || (2000000000 + i)::text, 'F' || i, jsonb_build_object('order_id', 'O' || i), false, now(), now() FROM generate_series(1, 1000000) i`, [ws.id]);
  await db.query(`INSERT INTO group_members (group_id, contact_id) SELECT $1, id FROM contacts WHERE workspace_id = $2`, [g.id, ws.id]);
  await db.query('VACUUM ANALYZE contacts'); await db.query('VACUUM ANALYZE group_members');
  console.log(env.databaseUrl, ws.id, g.id);
  process.exit(0);
})();

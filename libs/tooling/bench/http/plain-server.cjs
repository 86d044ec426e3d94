#!/usr/bin/env node
// The baseline for libs/tooling/bench/http.cjs: a plain Node `http` server answering the same page
// data with hand-written SQL through pg (same pool size as the API), so the report can show what
// our stack (NestJS + Apollo + TypeORM + resolvers) costs over the database. Roughly the same JSON
// shape as the GraphQL answers; no framework, no validation beyond what the SQL needs.
// Env: DATABASE_URL, POOL_SIZE (10), PORT (0 = any free port). Prints {"port": N} once listening.
const http = require('node:http');
const { createHash } = require('node:crypto');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 10), options: '-c jit=off', application_name: 'bench-plain' });
const LOCALES = new Set(['es', 'en', 'pt', 'fr']);
const locale = (req) => {
  const l = String(req.headers['accept-language'] || 'es').slice(0, 2);
  return LOCALES.has(l) ? l : 'es';
};
const tr = (col, l) => `COALESCE(${col}->>'${l}', ${col}->>'es', ${col}->>'en')`;

function token(req) {
  const m = /(?:^|;\s*)alliance_session=([^;]+)/.exec(req.headers.cookie || '');
  return m ? createHash('sha256').update(decodeURIComponent(m[1]), 'utf8').digest('hex') : null;
}
const SESSION = `SELECT u.id, u.country_code FROM sessions s JOIN users u ON u.id = s.user_id
                  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`;
async function user(req) {
  const t = token(req);
  if (!t) return null;
  const { rows } = await pool.query(SESSION, [t]);
  return rows[0] || null;
}

const OFFERINGS = (l) => `COALESCE((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'startsOn', o.starts_on, 'endsOn', o.ends_on,
      'enrolmentOpensAt', o.enrolment_opens_at, 'enrolmentClosesAt', o.enrolment_closes_at, 'capacity', o.capacity, 'seatsTaken', o.seats_taken,
      'seatsLeft', CASE WHEN o.capacity IS NULL THEN NULL ELSE greatest(o.capacity - o.seats_taken, 0) END, 'waitlistEnabled', o.waitlist_enabled,
      'openForEnrolment', (o.enrolment_opens_at IS NULL OR o.enrolment_opens_at <= now()) AND (o.enrolment_closes_at IS NULL OR o.enrolment_closes_at > now())
      ) ORDER BY o.starts_on NULLS LAST, o.created_at) FROM course_offerings o WHERE o.course_id = c.id AND o.cancelled_at IS NULL), '[]')`;
const FOCUS = (l) => `COALESCE((SELECT json_agg(json_build_object('id', f.id, 'key', f.key, 'name', f.name_${l},
      'names', json_build_object('es', f.name_es, 'en', f.name_en, 'pt', f.name_pt, 'fr', f.name_fr)) ORDER BY f.sort_order)
      FROM course_focus_areas cf JOIN alliance_focus_areas f ON f.id = cf.focus_area_id WHERE cf.course_id = c.id), '[]')`;
const COVER = `(SELECT json_build_object('id', lf.id, 'filename', lf.filename, 'contentType', lf.content_type, 'size', lf.size, 'url', '/files/learning/' || lf.id)
      FROM learning_files lf WHERE lf.id = c.cover_image_id)`;

const routes = {
  async catalogue(req, url) {
    const l = locale(req);
    const first = Math.min(Number(url.searchParams.get('first') || 12), 50);
    const { rows } = await pool.query(
      `SELECT json_build_object('totalCount', (SELECT count(*) FROM courses WHERE status = 'PUBLISHED'),
         'edges', COALESCE(json_agg(json_build_object('cursor', c.id, 'node', json_build_object('id', c.id, 'slug', c.slug, 'title', ${tr('c.title', l)},
           'summary', ${tr('c.summary', l)}, 'level', c.level, 'format', c.format, 'estimatedHours', c.estimated_hours, 'languages', c.languages,
           'coverImage', ${COVER}, 'focusAreas', ${FOCUS(l)}, 'offerings', ${OFFERINGS(l)})) ORDER BY c.published_at DESC, c.id), '[]')) AS j
       FROM (SELECT * FROM courses WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id LIMIT $1) c`,
      [first],
    );
    return { data: { courses: rows[0].j } };
  },
  async course(req, url) {
    const l = locale(req);
    const { rows } = await pool.query(
      `SELECT json_build_object('id', c.id, 'slug', c.slug, 'title', ${tr('c.title', l)}, 'summary', ${tr('c.summary', l)}, 'audience', ${tr('c.audience', l)},
         'level', c.level, 'format', c.format, 'status', c.status, 'enrolmentPolicy', c.enrolment_policy, 'estimatedHours', c.estimated_hours, 'languages', c.languages,
         'certificateIssuer', c.certificate_issuer, 'coverImage', ${COVER}, 'focusAreas', ${FOCUS(l)},
         'lessonCount', (SELECT count(*) FROM lessons x WHERE x.course_id = c.id AND x.deleted_at IS NULL),
         'prerequisites', COALESCE((SELECT json_agg(json_build_object('id', p.id, 'slug', p.slug, 'title', ${tr('p.title', l)}))
            FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id WHERE cp.course_id = c.id), '[]'),
         'relatedEvidence', COALESCE((SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'year', e.year) ORDER BY cl.position)
            FROM course_evidence_links cl JOIN evidence_items e ON e.id = cl.evidence_item_id AND e.status = 'PUBLISHED' AND e.visibility = 'PUBLIC' WHERE cl.course_id = c.id), '[]'),
         'modules', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'position', m.position, 'title', ${tr('m.title', l)},
            'lessons', COALESCE((SELECT json_agg(json_build_object('id', s.id, 'position', s.position, 'type', s.type, 'title', ${tr('s.title', l)},
               'required', s.required, 'estimatedMinutes', s.estimated_minutes) ORDER BY s.position) FROM lessons s WHERE s.module_id = m.id AND s.deleted_at IS NULL), '[]'))
            ORDER BY m.position) FROM course_modules m WHERE m.course_id = c.id AND m.deleted_at IS NULL), '[]'),
         'offerings', ${OFFERINGS(l)}) AS j
       FROM courses c WHERE c.slug = $1 AND c.status = 'PUBLISHED'`,
      [url.searchParams.get('slug')],
    );
    return { data: { course: rows[0]?.j ?? null } };
  },
  async myLearning(req) {
    const u = await user(req);
    if (!u) return { errors: [{ message: 'unauthenticated' }] };
    const l = locale(req);
    const { rows } = await pool.query(
      `SELECT e.id, e.status, e.progress_percent AS "progressPercent", e.completed_at AS "completedAt", e.created_at AS "createdAt",
              json_build_object('id', c.id, 'slug', c.slug, 'title', ${tr('c.title', l)}) AS course,
              json_build_object('id', o.id, 'name', o.name, 'startsOn', o.starts_on, 'endsOn', o.ends_on) AS offering,
              (SELECT json_build_object('id', x.id) FROM lessons x LEFT JOIN lesson_completions lc ON lc.lesson_id = x.id AND lc.enrolment_id = e.id
                WHERE x.course_id = e.course_id AND x.deleted_at IS NULL AND lc.lesson_id IS NULL ORDER BY x.position LIMIT 1) AS "nextLesson",
              (SELECT json_build_object('id', k.id, 'code', k.code, 'renderStatus', k.render_status) FROM certificates k WHERE k.id = e.certificate_id) AS certificate
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_offerings o ON o.id = e.offering_id
        WHERE e.user_id = $1 ORDER BY e.created_at DESC`,
      [u.id],
    );
    const by = (statuses) => rows.filter((r) => statuses.includes(r.status));
    return {
      data: {
        myLearning: { active: by(['APPROVED', 'ENROLLED']), pending: by(['REQUESTED', 'NOMINATED', 'WAITLISTED']), completed: by(['COMPLETED']), programmes: [] },
      },
    };
  },
  async notifications(req) {
    const u = await user(req);
    if (!u) return { errors: [{ message: 'unauthenticated' }] };
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM notification WHERE user_id = $1 AND in_app) AS total,
              COALESCE((SELECT json_agg(n ORDER BY n."createdAt" DESC) FROM (
                SELECT id, type, data, link, created_at AS "createdAt", read_at AS "readAt" FROM notification
                 WHERE user_id = $1 AND in_app ORDER BY created_at DESC, id DESC LIMIT 21) n), '[]') AS rows`,
      [u.id],
    );
    const list = rows[0].rows;
    return {
      data: {
        notifications: {
          totalCount: Number(rows[0].total),
          pageInfo: { hasNextPage: list.length > 20, endCursor: list[Math.min(list.length, 20) - 1]?.id ?? null },
          edges: list.slice(0, 20).map((n) => ({ cursor: n.id, node: { id: n.id, type: n.type, title: n.data?.title ?? n.type, body: n.data?.body ?? '', link: n.link, createdAt: n.createdAt, readAt: n.readAt } })),
        },
      },
    };
  },
  async evidence(req, url) {
    // Public items matching the words, ranked, first 20, with the six facet counts, in one statement.
    const q = url.searchParams.get('q') || '';
    const { rows } = await pool.query(
      `WITH m AS (
         SELECT d.* FROM evidence_search_documents d
          WHERE NOT d.members_only AND ($1 = '' OR d.document @@ websearch_to_tsquery('simple', $1))),
       hits AS (SELECT m.item_id, m.type, m.year, m.language FROM m ORDER BY ${"CASE WHEN $1 = '' THEN 0 ELSE ts_rank(m.document, websearch_to_tsquery('simple', $1)) END"} DESC, m.published_at DESC LIMIT 20)
       SELECT (SELECT count(*) FROM m) AS total,
              (SELECT json_agg(json_build_object('id', h.item_id, 'type', h.type, 'year', h.year, 'language', h.language, 'title', t.title)) FROM hits h
                 LEFT JOIN LATERAL (SELECT x.title FROM evidence_texts x WHERE x.item_id = h.item_id LIMIT 1) t ON true) AS hits,
              (SELECT json_agg(json_build_object('value', type, 'count', n)) FROM (SELECT type, count(*) n FROM m GROUP BY 1) f) AS types,
              (SELECT json_agg(json_build_object('value', language, 'count', n)) FROM (SELECT language, count(*) n FROM m GROUP BY 1) f) AS languages,
              (SELECT json_agg(json_build_object('value', year, 'count', n)) FROM (SELECT year, count(*) n FROM m GROUP BY 1) f) AS years,
              (SELECT json_agg(json_build_object('value', licence, 'count', n)) FROM (SELECT licence, count(*) n FROM m GROUP BY 1) f) AS licences,
              (SELECT json_agg(json_build_object('value', c, 'count', n)) FROM (SELECT unnest(country_codes) c, count(*) n FROM m GROUP BY 1) f) AS countries,
              (SELECT json_agg(json_build_object('value', a, 'count', n)) FROM (SELECT unnest(focus_area_ids) a, count(*) n FROM m GROUP BY 1) f) AS "focusAreas"`,
      [q],
    );
    const r = rows[0];
    return { data: { evidenceSearch: { totalCount: Number(r.total), hits: r.hits ?? [], facets: { types: r.types, countries: r.countries, focusAreas: r.focusAreas, languages: r.languages, years: r.years, licences: r.licences } } } };
  },
  async register(req, url) {
    const u = await user(req);
    if (!u) return { errors: [{ message: 'unauthenticated' }] };
    const workshopId = url.searchParams.get('workshopId');
    // The seat is taken with a conditional UPDATE (never oversold), in one transaction with the row.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const seat = await client.query(`UPDATE workshops SET seats_taken = seats_taken + 1 WHERE id = $1 AND status = 'OPEN' AND (capacity IS NULL OR seats_taken < capacity) RETURNING id`, [workshopId]);
      const status = seat.rowCount ? 'CONFIRMED' : 'WAITLISTED';
      const ins = await client.query(
        `INSERT INTO workshop_registrations (workshop_id, user_id, status, holds_seat, country_code, answers, consent_to_list, waitlisted_at)
         VALUES ($1, $2, $3::varchar, $4, $5, '[]'::jsonb, true, CASE WHEN $3::varchar = 'WAITLISTED' THEN clock_timestamp() END)
         ON CONFLICT DO NOTHING RETURNING id, status`,
        [workshopId, u.id, status, status === 'CONFIRMED', u.country_code],
      );
      if (!ins.rowCount) {
        await client.query('ROLLBACK');
        return { errors: [{ message: 'already registered' }] };
      }
      await client.query('COMMIT');
      return { data: { registerForWorkshop: { id: ins.rows[0].id, status } } };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  },
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const route = routes[url.pathname.slice(1)];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    route(req, url).then(
      (body) => {
        const text = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error.message) }] }));
      },
    );
  });
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

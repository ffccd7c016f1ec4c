// releases.test.mjs — the release matrix through the Embind API (Module.ReleaseMatrix) against
// the CLI's `gomapsim run --go all --json`: same releases, same runs, same rows and turns.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadApi, runCli, cliPath, SCENARIOS } from '../lib.mjs';

let M;
before(async () => { M = await loadApi(); });

const noCli = !cliPath() && 'CLI not built';
const read = (f) => fs.readFileSync(path.join(SCENARIOS, f), 'utf8');

// matrix runs source on every release in slices of `budget` ops, checking that no step runs
// more than that, and returns {jsonl, columns, rows, text}.
function matrix(source, opts = {}, budget = 250_000) {
  const m = new M.ReleaseMatrix();
  m.start(source, opts);
  for (let guard = 0; ; guard++) {
    assert.ok(guard < 1e6, 'the matrix never finished');
    const col = m.current(), before = m.currentOps();
    const done = m.step(budget);
    if (!done && m.current() === col) assert.ok(m.currentOps() - before <= budget, `step ran ${m.currentOps() - before} ops`);
    if (done) break;
  }
  assert.equal(m.done(), true);
  const r = { jsonl: m.toJsonl(), columns: m.columns(), rows: m.rows(), text: m.toText() };
  m.delete();
  return r;
}

// cliMatrix: the CLI's JSON lines, split into release records and rows.
function cliMatrix(file, extra = []) {
  const out = runCli(['run', '--go', 'all', '--json', ...extra, path.basename(file)], { cwd: path.dirname(file) });
  const recs = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  return { stdout: out.stdout, releases: recs.filter((r) => r.kind === 'release'), rows: recs.filter((r) => r.kind === 'row') };
}

function checkAgainstCli(api, cli) {
  assert.equal(api.jsonl, cli.stdout, 'toJsonl() differs from `gomapsim run --go all --json`');
  assert.deepEqual(api.columns.map((c) => c.version), cli.releases.map((r) => r.version));
  for (const [k, c] of api.columns.entries()) {
    const r = cli.releases[k];
    assert.deepEqual({ loaded: c.loaded, error: c.error, state: c.state, exit: c.exit, ops: c.ops, changes: c.changes },
                     { loaded: r.loaded, error: r.error, state: r.state, exit: r.exit, ops: r.ops, changes: r.changes }, c.version);
  }
  assert.deepEqual(api.rows.map((r) => ({ line: r.line, text: r.text, same_text: r.sameText,
                                          numbers: r.numbers.map((n) => ({ label: n.label, values: n.values, turns: n.turns })) })),
                   cli.rows.map(({ kind, ...rest }) => rest));
}

test('Module.versions() offers eight releases, oldest first; the default is the newest', () => {
  const v = M.versions();
  assert.deepEqual(v, ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27']);
  assert.equal(M.defaultVersion(), v[v.length - 1]);
  // A Sim loaded without goVersion runs on it.
  const sim = new M.Sim();
  assert.ok(sim.load('package main\n\nfunc main() {\n\tm := map[int]int{}\n\tclear(m)\n}\n', {}), JSON.stringify(sim.diagnostics()));
  sim.delete();
});

test('presets open on the release their sidecar names (where the lesson shows), else today\'s Go', () => {
  for (const p of M.presets()) {
    const side = JSON.parse(fs.readFileSync(path.join(SCENARIOS, p.name + '.json'), 'utf8'));
    assert.equal(p.goVersion, side.opens_on || '', p.name);
    if (/^article00[03]/.test(p.name)) assert.equal(p.goVersion, '1.19', p.name + ': the article figures are Go 1.19\'s');
    if (p.goVersion) assert.ok(M.versions().includes(p.goVersion), p.name + ' opens on an offered release');
  }
});

test('ReleaseMatrix: article 000 on every release gives the CLI\'s --go all --json, turning at 1.24', { skip: noCli }, () => {
  const file = path.join(SCENARIOS, 'article000_inline.go');
  const api = matrix(read('article000_inline.go'), { seed: 1 });
  checkAgainstCli(api, cliMatrix(file));
  assert.equal(api.rows.length, 3);
  assert.deepEqual(api.rows[1].numbers[0].turns, ['1.24']);
  for (const c of api.columns) {
    assert.equal(c.state, 'Finished');
    assert.ok(c.series.length > 10 && c.series.length <= 513, `${c.version}: ${c.series.length} samples`);
    assert.equal(c.series.at(-1).op, c.ops);
    assert.deepEqual(c.lines, api.rows.map((r) => r.texts[api.columns.indexOf(c)]));
  }
  assert.match(api.text, /Go 1\.24: \d+ figures? turned \(line 2 /);   // the fill: bucket maps to Swiss tables
});

test('ReleaseMatrix: several figures per line, other options (article 003, GOGC 50, seed 7)', { skip: noCli }, () => {
  const file = path.join(SCENARIOS, 'article003_scene1.go');
  const api = matrix(read('article003_scene1.go'), { seed: 7, gogc: 50 }, 40_000);
  checkAgainstCli(api, cliMatrix(file, ['--seed', '7', '--gogc', '50']));
  assert.ok(api.rows.some((r) => r.numbers.length === 4), 'no line with four figures');
});

test('ReleaseMatrix: a program that does not compile on the older releases says so per release', { skip: noCli }, () => {
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tm := map[int]int{1: 1, 2: 2}\n\tclear(m)\n\tfmt.Println("len", len(m))\n}\n';
  // main.go: the CLI names the file in its messages as the API does (main.go:7:7: …)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gms-matrix-')), 'main.go');
  fs.writeFileSync(file, src);
  const api = matrix(src, { seed: 1 });
  checkAgainstCli(api, cliMatrix(file));
  const c119 = api.columns[0];
  assert.equal(c119.loaded, false);
  assert.match(c119.error, /clear requires go1\.21/);
  assert.ok(api.columns.slice(1).every((c) => c.loaded && c.state === 'Finished'));
});

test('Module.releaseMatrix runs to the end at once, on the releases asked for', () => {
  const r = M.releaseMatrix(read('article003_scene5.go'), { seed: 1, versions: ['1.19', '1.27'] });
  assert.deepEqual(r.columns.map((c) => c.version), ['1.19', '1.27']);
  assert.ok(r.columns.every((c) => c.done && c.state === 'Finished'));
  assert.ok(r.rows.length >= 6);
});

#!/usr/bin/env bash
# Lighthouse (mobile: simulated slow 4G and a 4x slower CPU, a 412 px wide phone screen) on pages of
# a running Stackdesk, in Debian's Chromium. Runs each page LH_RUNS times and prints, per page, the
# median of each category score and of FCP, LCP, TBT and the bytes transferred; the reports stay in
# LH_DIR as JSON. Starts nothing itself: run the production jar in the demo run first, e.g.
#
#   ./mvnw -B -q -Pproduction package -DskipTests
#   java -jar target/stackdesk-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo --server.port=18150 \
#     --spring.datasource.url='jdbc:h2:file:/tmp/lighthouse-db/db;DB_CLOSE_ON_EXIT=FALSE'
#   src/bench/lighthouse.sh http://localhost:18150 /demo/choosing-a-backend-stack /book
#
# Settings (environment): LH_RUNS (3), LH_DIR (target/lighthouse), LH_VERSION (12.8.2, the newest
# that runs on Node 20; 13.x needs Node 22), CHROME_PATH (/usr/bin/chromium).
set -euo pipefail

BASE=${1:?usage: src/bench/lighthouse.sh http://host:port /path [/path ...]}
shift
(($# > 0)) || { echo "lighthouse: name at least one path" >&2; exit 2; }
RUNS=${LH_RUNS:-3}
DIR=${LH_DIR:-target/lighthouse}
VERSION=${LH_VERSION:-12.8.2}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
command -v npx >/dev/null || { echo "lighthouse: npx (Node 18+) is needed" >&2; exit 2; }
[[ -x $CHROME_PATH ]] || { echo "lighthouse: no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 2; }
mkdir -p "$DIR"

for path in "$@"; do
    name=$(echo "${path#/}" | tr '/?&=' '----')
    name=${name:-root}
    # one warm-up load, so the first run does not measure the JIT compiling the page's code
    curl -s -o /dev/null "$BASE$path" || true
    for ((i = 1; i <= RUNS; i++)); do
        npx -y "lighthouse@$VERSION" "$BASE$path" --quiet \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
            --only-categories=performance,accessibility,best-practices,seo \
            --form-factor=mobile --output=json --output-path="$DIR/$name-$i.json" >/dev/null
    done
    node - "$DIR" "$name" "$RUNS" "$path" <<'EOF'
const fs = require('fs');
const [dir, name, runs, path] = process.argv.slice(2);
const reports = [];
for (let i = 1; i <= Number(runs); i++) reports.push(JSON.parse(fs.readFileSync(`${dir}/${name}-${i}.json`, 'utf8')));
const median = values => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const score = id => Math.round(median(reports.map(r => r.categories[id].score)) * 100);
const metric = id => median(reports.map(r => r.audits[id].numericValue));
const failed = new Set();
for (const r of reports)
  for (const [id, c] of Object.entries(r.categories))
    if (id !== 'performance')
      for (const ref of c.auditRefs)
        if (ref.weight > 0 && r.audits[ref.id].score !== null && r.audits[ref.id].score < 1) failed.add(`${id}: ${ref.id}`);
console.log(`${path}  (median of ${runs}, Lighthouse ${reports[0].lighthouseVersion}, mobile)`);
console.log(`  performance ${score('performance')}  accessibility ${score('accessibility')}`
  + `  best practices ${score('best-practices')}  SEO ${score('seo')}`);
console.log(`  FCP ${(metric('first-contentful-paint') / 1000).toFixed(1)} s  LCP ${(metric('largest-contentful-paint') / 1000).toFixed(1)} s`
  + `  TBT ${Math.round(metric('total-blocking-time'))} ms  CLS ${metric('cumulative-layout-shift').toFixed(3)}`
  + `  ${Math.round(metric('total-byte-weight') / 1024)} KiB`);
if (failed.size) console.log(`  audits not passed: ${[...failed].join(', ')}`);
EOF
done

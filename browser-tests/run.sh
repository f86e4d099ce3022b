#!/usr/bin/env bash
# Browser tests: the Cockpit plugin and Tasklist forms in Debian's Chromium, through playwright-core (nothing is
# downloaded but the npm package). Each test file starts the app jar that the Maven build made
# (app/target/sms-flows-app.jar) with the demo users and an in-memory H2. Screenshots land in docs/images/.
set -euo pipefail
cd "$(dirname "$0")"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium is missing at $chromium: on Debian, apt-get install -y chromium (or set CHROMIUM=...)" >&2
  exit 1
fi
[ -f ../app/target/sms-flows-app.jar ] || { echo "Build the app first: mvn -B -DskipTests package" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
npm test

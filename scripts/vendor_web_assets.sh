#!/usr/bin/env bash
# Re-vendor the web assets the package serves offline (DESIGN.md: /docs without a CDN).
# swagger-ui-dist (Apache-2.0) and Vazirmatn (SIL OFL 1.1) from the npm registry.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); cd "$tmp"
npm pack swagger-ui-dist@5.35.0 vazirmatn@33.0.3 >/dev/null
tar xzf swagger-ui-dist-5.35.0.tgz && mkdir vz && tar xzf vazirmatn-33.0.3.tgz -C vz
dst="$here/src/rooydad/web/static"
cp package/swagger-ui-bundle.js package/swagger-ui.css "$dst/swagger/" && cp package/LICENSE "$dst/swagger/LICENSE.txt"
cp vz/package/fonts/webfonts/Vazirmatn-{Regular,Bold}.woff2 vz/package/OFL.txt "$dst/fonts/"
echo "vendored into $dst"

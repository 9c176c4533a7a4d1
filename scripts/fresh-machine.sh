#!/usr/bin/env bash
# Dev aid: runs a command as on a fresh machine of this kind, with Debian's
# Chromium, the Noto CJK fonts and the poppler tools hidden in a private
# mount namespace (root only). Usage: scripts/fresh-machine.sh npm test
# SOP_FRESH_NO_BROWSER=1 hides the npm Chromium as well: no browser at all.
set -euo pipefail
exec unshare --mount --propagation private -- bash -c '
  set -e
  for dir in /usr/lib/chromium /usr/share/fonts/opentype/noto /usr/share/fonts/truetype/noto; do
    [ -d "$dir" ] && mount -t tmpfs none "$dir"
  done
  if [ "${SOP_FRESH_NO_BROWSER:-}" = 1 ]; then
    # No browser at all (as on arm64 without Chrome): hide the npm one too.
    for dir in node_modules/@sparticuz/chromium/bin node_modules/.cache/sop-chromium; do
      [ -d "$dir" ] && mount -t tmpfs none "$dir"
    done
  fi
  for file in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
              /usr/bin/pdftotext /usr/bin/pdfinfo /usr/bin/pdftoppm /usr/bin/pdftocairo; do
    [ -e "$file" ] && mount --bind /dev/null "$file"
  done
  exec "$@"
' fresh-machine "$@"

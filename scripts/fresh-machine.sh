#!/usr/bin/env bash
# Dev aid: runs a command as on a fresh machine of this kind, with Debian's
# Chromium, the Noto CJK fonts and the poppler tools hidden in a private
# mount namespace (root only). Usage: scripts/fresh-machine.sh npm test
set -euo pipefail
exec unshare --mount --propagation private -- bash -c '
  set -e
  for dir in /usr/lib/chromium /usr/share/fonts/opentype/noto /usr/share/fonts/truetype/noto; do
    [ -d "$dir" ] && mount -t tmpfs none "$dir"
  done
  for file in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
              /usr/bin/pdftotext /usr/bin/pdfinfo /usr/bin/pdftoppm /usr/bin/pdftocairo; do
    [ -e "$file" ] && mount --bind /dev/null "$file"
  done
  exec "$@"
' fresh-machine "$@"

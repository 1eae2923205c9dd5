#!/usr/bin/env bash
# Create or update the project's virtual environment (.venv) from the hashed lock files, and make
# sure the Debian packages the application and its tests need are present.
#   scripts/bootstrap.sh runtime   — what `make demo` needs
#   scripts/bootstrap.sh dev       — plus the test and lint tools (`make test`)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-dev}"
venv=.venv
lock="requirements/${profile}.lock"
[ -f "$lock" ] || { echo "bootstrap: no lock file $lock" >&2; exit 2; }

# --- Debian packages -----------------------------------------------------------------------------
# Qt's offscreen and xcb platforms, a Japanese font for the GUI and printed forms, and poppler
# (pdftotext/pdftoppm) with which the tests read back the PDFs we print.
debs=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-ipaexfont)
# Qt's xcb platform (a real window on an X11 desktop, or under Xvfb) needs these beyond the above.
debs+=(libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
       libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
[ "$profile" = dev ] && debs+=(poppler-utils)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: please install these Debian packages first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# --- Python ---------------------------------------------------------------------------------------
python="${PYTHON:-python3}"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { echo "bootstrap: Python 3.11 or newer is required ($python is $("$python" --version 2>&1))" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ]; then
  echo "bootstrap: creating $venv"
  "$python" -m venv "$venv"
fi
stamp="$venv/.bootstrap-$profile"
want="$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing $lock into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  # The project itself, editable; its dependencies are already pinned above.
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi

# Translations: the .qm files are built from the .ts sources under resources/i18n.
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done

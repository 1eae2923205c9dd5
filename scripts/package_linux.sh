#!/usr/bin/env bash
# Build the frozen one-folder application and a Debian package of it:
#   build/dist/teiretsu/                       the PyInstaller folder (teiretsu, teiretsu-console, teiretsu-admin)
#   build/teiretsu_<version>_<arch>.deb        /opt/teiretsu, a .desktop entry, an icon, /usr/bin links
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/work installers/teiretsu.spec
root=build/deb/teiretsu_${version}_${arch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/icons/hicolor/256x256/apps"
cp -a build/dist/teiretsu "$root/opt/teiretsu"
ln -s /opt/teiretsu/teiretsu "$root/usr/bin/teiretsu"
ln -s /opt/teiretsu/teiretsu-admin "$root/usr/bin/teiretsu-admin"
cp installers/linux/teiretsu.desktop "$root/usr/share/applications/"
cp resources/icons/teiretsu.png "$root/usr/share/icons/hicolor/256x256/apps/teiretsu.png"
size=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" installers/linux/control > "$root/DEBIAN/control"
dpkg-deb --root-owner-group --build "$root" "build/teiretsu_${version}_${arch}.deb" >/dev/null
echo "build/teiretsu_${version}_${arch}.deb ($(du -h "build/teiretsu_${version}_${arch}.deb" | cut -f1); folder $(du -sh build/dist/teiretsu | cut -f1))"

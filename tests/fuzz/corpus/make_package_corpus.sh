#!/bin/sh
# Rebuilds the seeds of fuzz_package_read in package/: sh make_package_corpus.sh path/to/sigmactl
# Valid packages are signed with the public test key (tests/data/update); hostile ones are the
# valid package repacked (the signature stays valid, so the payload checks are reached).
set -eu
sigmactl=$1
here=$(cd "$(dirname "$0")" && pwd)/package
key="$here/../../../data/update/dev-signing-key"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/tree/bin" "$work/fw"
printf '#!/bin/sh\nexit 0\n' > "$work/tree/bin/health"
chmod +x "$work/tree/bin/health"
printf 'data\n' > "$work/tree/notes.txt"
printf 'firmware image\n' > "$work/fw/firmware.bin"
"$sigmactl" package sign --key "$key" --version 1.2.3 --min-version 1.0.0 --notes 'Исправления' \
    --from "$work/tree" --out "$here/valid_terminal.tar.gz" > /dev/null
"$sigmactl" package sign --key "$key" --component kkt-firmware --version 5.9.0 \
    --from "$work/fw" --out "$here/valid_firmware.tar.gz" > /dev/null

python3 - "$here" <<'PY'
import io, sys, tarfile
here = sys.argv[1]
src = tarfile.open(f"{here}/valid_terminal.tar.gz")
members = [(m, src.extractfile(m).read() if m.isfile() else b"") for m in src.getmembers()]

def write(name, items, mode="w:gz"):
    with tarfile.open(f"{here}/{name}", mode, format=tarfile.PAX_FORMAT) as out:
        for info, data in items:
            out.addfile(info, io.BytesIO(data) if info.isfile() else None)

def copy(info, **changes):
    c = tarfile.TarInfo(changes.get("name", info.name))
    c.size, c.mode, c.type = info.size, info.mode, info.type
    for k, v in changes.items():
        setattr(c, k, v)
    return c

link = tarfile.TarInfo("payload/bin/sh"); link.type = tarfile.SYMTYPE; link.linkname = "/bin/sh"
write("symlink_entry.tar.gz", members + [(link, b"")])
hard = tarfile.TarInfo("payload/copy"); hard.type = tarfile.LNKTYPE; hard.linkname = "payload/notes.txt"
write("hardlink_entry.tar.gz", members + [(hard, b"")])
write("traversal_entry.tar.gz", [(copy(i, name="payload/../notes.txt") if i.name == "payload/notes.txt" else i, d)
                                 for i, d in members])
write("tampered_file.tar.gz", [(i, b"DATA\n" if i.name == "payload/notes.txt" else d) for i, d in members])
write("no_signature.tar", [(i, d) for i, d in members if i.name != "manifest.sig"], "w")
write("missing_file.tar", [(i, d) for i, d in members if i.name != "payload/notes.txt"], "w")
raw = open(f"{here}/valid_terminal.tar.gz", "rb").read()
open(f"{here}/truncated.tar.gz", "wb").write(raw[: len(raw) // 2])
manifest = [d for i, d in members if i.name == "manifest.json"][0]
open(f"{here}/manifest.json", "wb").write(manifest)
open(f"{here}/manifest_traversal.json", "wb").write(manifest.replace(b'"notes.txt"', b'"../notes.txt"'))
open(f"{here}/signature.json", "wb").write([d for i, d in members if i.name == "manifest.sig"][0])
PY

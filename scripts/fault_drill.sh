#!/bin/bash
# The faults of issue #12, made from the demo call as a user would make them, through `lugn replay --headless`:
# a sustained angry customer, a FLAC corrupted mid-stream, a NaN burst, a truncated WAV, a zero-frame WAV, a 1 kHz
# file, pause/resume mid-call, and the outbox on a read-only file system. Prints exit code, time, event counts,
# invalid JSON lines and the last stderr lines of each. Run from the repository root after `make setup`; the
# read-only case mounts a read-only tmpfs, so it needs root (it is skipped otherwise).
set -u
LUGN="$PWD/.venv/bin/lugn"; PY="$PWD/.venv/bin/python"; CTI="$PWD/tests/data/notice_at_start.cti.jsonl"
D=$(mktemp -d /tmp/faults12.XXXX); export HOME=$D/home XDG_RUNTIME_DIR=$D/run; mkdir -p $HOME $XDG_RUNTIME_DIR; chmod 700 $XDG_RUNTIME_DIR
CALL=$PWD/device/assets/demo_call.flac
mkdir -p $D/data; export LUGN_POLICY=$D/policy.toml LUGN_USER_SETTINGS=$HOME/settings.toml
printf '[metrics]\nenabled = true\nsite = "malmo"\nteam = "t1"\noutbox_path = "%s"\n' "$D/data/outbox.sqlite3" > $LUGN_POLICY
$PY - "$CALL" "$D" <<'PY'
import sys, numpy as np, soundfile as sf
call, d = sys.argv[1], sys.argv[2]
x, sr = sf.read(call, dtype="float32")
sf.write(f"{d}/ok.flac", x, sr)
b = bytearray(open(f"{d}/ok.flac","rb").read()); mid = len(b)//2
b[mid:mid+20000] = bytes(20000); open(f"{d}/corrupt.flac","wb").write(bytes(b))
y = x.copy(); y[int(20*sr):int(20.5*sr)] = np.nan; sf.write(f"{d}/nan.wav", y, sr, subtype="FLOAT")
sf.write(f"{d}/full.wav", x, sr, subtype="PCM_16"); w = open(f"{d}/full.wav","rb").read(); open(f"{d}/trunc.wav","wb").write(w[: len(w)//2])
sf.write(f"{d}/zero.wav", np.zeros((0,2),np.float32), sr)
sf.write(f"{d}/low.wav", x[::16], 1000)
PY
run() { local name=$1; shift; local t0=$(date +%s.%N); timeout 120 "$@" > $D/$name.out 2> $D/$name.err; local rc=$?; local t1=$(date +%s.%N)
  printf '\n### %s\n$ %s\nexit %s in %.2f s; %s JSON lines (%s invalid), %s DeviceLost\n' "$name" "$(echo "$@" | sed "s#$D#\$D#g; s#$PWD/##g")" $rc $($PY -c "print($t1 - $t0)") \
   $(wc -l < $D/$name.out) $($PY -c "import json,sys
n=0
for l in open(sys.argv[1]):
  try: json.loads(l, parse_constant=lambda c: 1/0)
  except Exception: n+=1
print(n)" $D/$name.out) $(grep -c DeviceLost $D/$name.out)
  echo "events: $($PY -c "import json,sys,collections
c=collections.Counter(json.loads(l).get('event','?') for l in open(sys.argv[1]) if l.strip())
print(', '.join(f'{k} {v}' for k,v in sorted(c.items())))" $D/$name.out)"
  echo "stderr (last 3 lines):"; tail -3 $D/$name.err | sed "s#$D#\$D#g; s/^/  /"; }
run sustained_anger "$LUGN" replay $D/ok.flac --headless --speed max --cti "$CTI" --no-control
OUTBOX=$D/data/outbox.sqlite3; echo "outbox \$D/data/outbox.sqlite3: $($PY -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print({t: c.execute(f'select count(*) from {t}').fetchone()[0] for (t,) in c.execute('select name from sqlite_master where type=\\'table\\'')})" "$OUTBOX" 2>&1)"
run corrupt_flac "$LUGN" replay $D/corrupt.flac --headless --speed max --cti "$CTI" --no-control
run nan_burst "$LUGN" replay $D/nan.wav --headless --speed max --cti "$CTI" --no-control
run truncated_wav "$LUGN" replay $D/trunc.wav --headless --speed max --cti "$CTI" --no-control
run zero_frames "$LUGN" replay $D/zero.wav --headless --speed max --cti "$CTI" --no-control
run rate_1khz "$LUGN" replay $D/low.wav --headless --speed max --cti "$CTI" --no-control
printf '{"t_s": 0.0, "action": "notice_given"}\n{"t_s": 40.0, "action": "pause"}\n{"t_s": 43.0, "action": "resume"}\n' > $D/pause.cti.jsonl
run pause_resume "$LUGN" replay $D/ok.flac --headless --speed max --cti $D/pause.cti.jsonl --no-control
# a read-only file system for the outbox (root ignores chmod, so a read-only tmpfs)
if [ "$(id -u)" != 0 ]; then echo; echo "### readonly_outbox: skipped (needs root to mount a read-only tmpfs)"; rm -rf $D; exit 0; fi
rm -f $D/data/*; mount -t tmpfs -o ro,size=1m tmpfs $D/data
run readonly_outbox "$LUGN" replay $D/ok.flac --headless --speed max --cti "$CTI" --no-control
grep -h '"event": "Metrics' $D/readonly_outbox.out | head -2 | cut -c1-400 | sed "s#$D#\$D#g"
umount $D/data; rm -rf $D

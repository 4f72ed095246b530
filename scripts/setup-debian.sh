#!/usr/bin/env bash
# Prepares a Debian or Ubuntu machine for ROMtrack's tests: Node.js 24 LTS where the system's Node is older
# or missing, and Debian's Chromium, poppler-utils and Xvfb (the tests never download a browser).
# Runs as root or through sudo; safe to run again (it installs only what is missing).
set -euo pipefail

NODE_VERSION=24.22.3   # Node 24 LTS, the runtime Electron 45 embeds
NODE_PREFIX=/usr/local/lib/romtrack-node-$NODE_VERSION
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

missing=()
# gcc and libc6-dev build the power-cut test's I/O-logging shim at test time.
for pkg in chromium poppler-utils xvfb ca-certificates gcc libc6-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# npm is needed to fetch Node 24 from the npm registry when no Node at all is present.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "No Node 24 package for $(uname -m); install Node.js 24 LTS by hand." >&2; exit 1 ;;
  esac
  if [ ! -x "$NODE_PREFIX/bin/node" ]; then
    echo "Installing Node.js $NODE_VERSION (the system's Node is $(node --version 2>/dev/null || echo missing))"
    tmp=$(mktemp -d)
    # The npm registry carries Node's official binaries as a package; it is the one source this machine reaches.
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null)
    $SUDO mkdir -p "$NODE_PREFIX"
    $SUDO tar xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$NODE_PREFIX" --strip-components=1
    rm -rf "$tmp"
  fi
  # /usr/local/bin comes before /usr/bin on Debian's PATH, so `node` (and npm, which runs on `node`) is now 24.
  $SUDO ln -sf "$NODE_PREFIX/bin/node" /usr/local/bin/node
  hash -r
fi
echo "Node $(node --version), npm $(npm --version)"

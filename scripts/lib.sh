# Shared by the scripts: install what a fresh machine lacks, only when it lacks it.

# What scripts/generate.sh writes, relative to the repository root.
GENERATED_DIRS="clients/typescript/src/gen clients/csharp/BulkInvite.Client/Generated clients/python/src/bulkinvite clients/python/src/google"

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# apt_missing PACKAGE... : prints the Debian packages that are not installed.
apt_missing() {
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

# apt_ensure PACKAGE... : installs the Debian packages that are missing (needs root, as CI has).
# Test suites run in parallel may ask at once: one install at a time, each checking again once it
# is its turn.
apt_ensure() {
  [ -n "$(apt_missing "$@")" ] || return 0
  (
    flock 9
    local missing
    mapfile -t missing < <(apt_missing "$@")
    if [ ${#missing[@]} -gt 0 ]; then
      echo "Installing Debian packages: ${missing[*]}" >&2
      local sudo=""
      [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    fi
  ) 9>"${TMPDIR:-/tmp}/bulkinvite-apt.lock"
}

# npm_ensure DIR : installs DIR's locked npm packages when node_modules is missing or older than the lock.
npm_ensure() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts >&2)
  fi
}

# nuget_tools_dir : the folder of the Grpc.Tools package the server builds with (restoring it first).
nuget_tools_dir() {
  local root version packages
  root="$(repo_root)"
  version=$(sed -n 's/.*Include="Grpc.Tools" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
  dotnet restore "$root/src/BulkInvite.Server" >&2
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  echo "$packages/grpc.tools/$version/tools/linux_x64"
}

# googleapis_protos_dir : the google/rpc protos (status, error details) of the Google.Api.CommonProtos
# package the server builds with (Grpc.StatusProto brings it), for the clients that have no package of
# them: TypeScript (Connect's error details) and Python (Debian packages no googleapis-common-protos).
googleapis_protos_dir() {
  local root version packages
  root="$(repo_root)"
  dotnet restore "$root/src/BulkInvite.Server" >&2
  version=$(grep -o '"Google.Api.CommonProtos/[^"]*"' "$root/src/BulkInvite.Server/obj/project.assets.json" | head -n 1 | sed 's/.*\/\(.*\)"/\1/')
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  echo "$packages/google.api.commonprotos/$version/content/protos"
}

# The whole tree follows .clang-format: any file that clang-format would change fails here.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v clang-format > /dev/null || { echo "FAIL: clang-format is missing (Debian package clang-format)" >&2; exit 1; }
mapfile -t files < <(find app engine fuzz tests ui voice -type f \( -name '*.cpp' -o -name '*.hpp' \) -not -path 'tests/data/*' | sort)
[ "${#files[@]}" -gt 50 ] || { echo "FAIL: only ${#files[@]} source files found" >&2; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files ok"

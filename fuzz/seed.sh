#!/usr/bin/env bash
# Seeds the fuzz corpora with every real and made-up bounce we have.
# Run from anywhere; fuzz/corpus is git-ignored.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
mkdir -p "$here/corpus/analyse" "$here/corpus/redact_and_accepted" "$here/corpus/msg"
shopt -s nullglob
# Every shape of input a help desk is handed (tests/golden/<shape>/) too.
seeds=("$root"/../shared/corpus/*.eml "$root"/tests/samples/made-up/* "$root"/tests/golden/*/*)
for file in "${seeds[@]}"; do
    case "$file" in
        *.md | *.tsv | *.json | *.txt.en.txt | *.fr.txt | *.en.txt | *.py) continue ;;
    esac
    cp -f "$file" "$here/corpus/analyse/"
    cp -f "$file" "$here/corpus/redact_and_accepted/"
done
# The msg target: every real Outlook item and every made-up one.
for file in "$root"/../shared/msg-real/*.msg "$root"/tests/samples/msg/*.msg; do
    cp -f "$file" "$here/corpus/msg/"
done
for target in analyse msg; do
    count=$(find "$here/corpus/$target" -type f | wc -l)
    echo "fuzz/corpus/$target: $count files"
done

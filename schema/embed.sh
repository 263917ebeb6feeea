#!/bin/sh
# embed.sh NAME FILE — FILE as a NUL-terminated C array `const char NAME[]`
# on stdout: the build embeds schema/*.sql so that the installed binary needs
# no repository.  Bytes, not a string literal: no length limit under -Wpedantic.
set -eu
printf '/* generated from %s by schema/embed.sh; do not edit */\n' "$2"
printf 'extern const char %s[];\nconst char %s[] = {\n' "$1" "$1"
od -An -v -tx1 "$2" | awk '{ printf "   "; for (i = 1; i <= NF; i++) printf " %c\\x%s%c,", 39, $i, 39; printf "\n" }'
printf '    0\n};\n'

#!/bin/sh
# embed.sh NAME FILE — FILE as a C string constant `const char NAME[]` on
# stdout (the build embeds schema/*.sql so that the binary needs no repo).
set -eu
printf '/* generated from %s by schema/embed.sh; do not edit */\n' "$2"
printf 'extern const char %s[];\nconst char %s[] =\n' "$1" "$1"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$2"
printf '    ;\n'

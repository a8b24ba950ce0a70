#!/bin/sh
# kaderdiff-ci (gemaakt door `kaderdiff init --ci`): een voorstel beoordelen in een merge request of pull request.
#
#   sh ci/kaderdiff-voorstel.sh DOELTAK [BRONTAK] [ADRES]
#
# Het voorstel is de commit die is uitgecheckt (HEAD); DOELTAK is de tak waarin het moet landen (main), BRONTAK
# de tak van het voorstel (voor de naam in de beoordeling) en ADRES de plek waar de artefacten van de job te zien
# zijn: een ingekorte beoordeling verwijst daarheen. In build/voorstel/ komen:
#   beoordeling.md            de beoordeling, hoogstens 65.536 tekens: de reactie bij het merge request
#   beoordeling-volledig.md   de hele beoordeling
#   staat-JAAR/               de Staat van wijzigingen van elk jaar dat het voorstel wijzigt (docx, html, json)
#   pakket-JAAR/              het consultatiepakket van dat jaar ten opzichte van het jaar ervoor
set -eu
doel=${1:?"geef de doeltak, bijvoorbeeld: sh ci/kaderdiff-voorstel.sh main"}
bron=${2:-}
adres=${3:-}
uit=build/voorstel

# De doeltak en de andere takken als lokale takken: de voorouder van het voorstel, en de conflicten met andere
# open voorstellen.
if git remote get-url origin >/dev/null 2>&1; then
  git fetch --quiet --update-head-ok origin '+refs/heads/*:refs/heads/*'
fi
ref=HEAD
if [ -n "$bron" ] && [ "$(git rev-parse -q --verify "refs/heads/$bron^{commit}" || true)" = "$(git rev-parse HEAD)" ]; then
  ref=$bron
fi
basis=$(git merge-base "$doel" HEAD)

rm -rf "$uit"
mkdir -p "$uit"
kaderdiff voorstel "$ref" --basis "$doel" --formaat markdown --volledig "$adres" >"$uit/beoordeling.md"
kaderdiff voorstel "$ref" --basis "$doel" --formaat markdown --limiet 0 >"$uit/beoordeling-volledig.md"

jaren=$(git diff --name-only "$basis" HEAD -- kaders |
  sed -n 's#^kaders/\([0-9][0-9][0-9][0-9]\)/[^/]*\.xml$#\1#p' | sort -u)
for jaar in $jaren; do
  if [ ! -d "kaders/$jaar" ]; then
    echo "kaders/$jaar bestaat niet meer in dit voorstel: geen Staat en geen pakket van $jaar"
    continue
  fi
  if git cat-file -e "$basis:kaders/$jaar" 2>/dev/null; then
    kaderdiff staat --van "$jaar@$basis" --naar "$jaar" --uit "$uit/staat-$jaar"
  else
    echo "kaders/$jaar is nieuw in dit voorstel: geen Staat ten opzichte van $doel"
  fi
  vorig=$((jaar - 1))
  if [ -d "kaders/$vorig" ]; then
    kaderdiff pakket --van "$vorig" --naar "$jaar" --uit "$uit/pakket-$jaar"
  fi
done
cat "$uit/beoordeling.md"

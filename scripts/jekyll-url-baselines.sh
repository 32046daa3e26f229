#!/usr/bin/env bash
# jekyll-url-baselines.sh — record the URLs the real Jekyll gives posts, under each permalink
# style and a few custom patterns, for lib/content/jekyll-url.test.ts.
#
# For each setting below it builds a throwaway site whose _config.yml says `permalink: <setting>`,
# with test/fixtures/url-posts/*.md as its _posts, and writes what Jekyll itself reports
# (site.posts[].url) to test/baselines/jekyll-urls/urls.json:
#   { "<setting>": { "<post file name>": "<url>" } }
# Requires the Debian packages `jekyll` (4.3) and `ruby-kramdown-parser-gfm`.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POSTS="$REPO/test/fixtures/url-posts"
OUT="$REPO/test/baselines/jekyll-urls"
SETTINGS=(date pretty ordinal weekdate none
  '/:categories/:title/'
  '/blog/:year-:month-:day-:slug.html'
  '/:year/:i_month/:i_day/:title_:short_year/'
  '/:slugified_categories/:long_month/:short_month/:title:output_ext'
  '/posts/:slug')

command -v jekyll >/dev/null || { echo "error: jekyll is not installed (apt-get install -y jekyll ruby-kramdown-parser-gfm)" >&2; exit 1; }
mkdir -p "$OUT"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo '{' > "$tmp/urls.json"
first=1
for setting in "${SETTINGS[@]}"; do
  site="$tmp/site"
  rm -rf "$site" && mkdir -p "$site/_posts" "$site/_layouts"
  cp "$POSTS"/*.md "$site/_posts/"
  printf 'permalink: "%s"\nmarkdown: kramdown\n' "$setting" > "$site/_config.yml"
  printf '{{ content }}' > "$site/_layouts/default.html"
  # One JSON object per site, written by Jekyll's own Liquid from site.posts.
  cat > "$site/urls.json" <<'LIQUID'
---
layout: null
---
{ {% for post in site.posts %}{{ post.path | remove_first: "_posts/" | jsonify }}: {{ post.url | jsonify }}{% unless forloop.last %}, {% endunless %}{% endfor %} }
LIQUID
  (cd "$site" && jekyll build --quiet --source . --destination _site)
  [[ $first -eq 1 ]] || echo ',' >> "$tmp/urls.json"
  first=0
  printf '%s: %s' "$(ruby -rjson -e 'print JSON.generate(ARGV[0])' "$setting")" "$(cat "$site/_site/urls.json")" >> "$tmp/urls.json"
done
echo '}' >> "$tmp/urls.json"
ruby -rjson -e 'puts JSON.pretty_generate(JSON.parse(File.read(ARGV[0])).transform_values { |v| v.sort.to_h })' "$tmp/urls.json" > "$OUT/urls.json"
jekyll --version > "$OUT/VERSION.txt"
echo "wrote $OUT/urls.json"

#!/usr/bin/env bash
# jekyll-baselines.sh — regenerate HTML baselines rendered by the real Jekyll.
#
# What it does
#   1. Builds a throwaway Jekyll site in a temp dir with a minimal _config.yml
#      (url: "", baseurl: "", markdown: kramdown, kramdown input GFM — i.e. the
#      Jekyll 4 defaults) and a minimal _layouts/post.html that outputs only
#      {{ content }} (no trailing newline is added by the layout).
#   2. Copies into _posts/:
#        - the seed post, from content/posts/2016-05-20-docker-and-hyper.md if
#          that exists, else from the shared seed
#          (../shared/seed/000_f16c3cfa58936d06.txt or
#           /work/shared/seed/000_f16c3cfa58936d06.txt; override with $SEED);
#        - every test/fixtures/posts/*.md (including the `published: false`
#          draft).
#   3. Runs a plain `jekyll build` (no --unpublished, no --drafts), so posts
#      with `published: false` must NOT appear in the output; the script fails
#      if one does.
#   4. Writes, under test/baselines/jekyll/:
#        - <slug>.html      rendered post body (what {{ content }} yields),
#                           slug = filename minus "YYYY-MM-DD-" and ".md";
#        - permalinks.json  { slug: URL path Jekyll assigned }, taken from
#                           Jekyll itself (site.posts[].url), sorted by slug;
#        - unpublished.json slugs of source posts Jekyll did not output;
#        - VERSIONS.txt     jekyll / kramdown / kramdown-parser-gfm / rouge
#                           versions used.
#      Old *.html / *.json in that directory are deleted first.
#
# Requirements
#   Debian packages `jekyll` (4.3) and `ruby-kramdown-parser-gfm`:
#     apt-get update && apt-get install -y jekyll ruby-kramdown-parser-gfm
#   If jekyll is missing and we are root, the script installs them itself.
#
# Usage
#   scripts/jekyll-baselines.sh            # from anywhere inside the repo
#   KEEP_TMP=1 scripts/jekyll-baselines.sh # keep the temp site for inspection
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$REPO/test/fixtures/posts"
OUT="$REPO/test/baselines/jekyll"
SEED_NAME="2016-05-20-docker-and-hyper.md"

# --- locate the seed post ---------------------------------------------------
if [[ -z "${SEED:-}" ]]; then
  for cand in \
    "$REPO/content/posts/$SEED_NAME" \
    "$REPO/../shared/seed/000_f16c3cfa58936d06.txt" \
    "/work/shared/seed/000_f16c3cfa58936d06.txt"; do
    if [[ -f "$cand" ]]; then SEED="$cand"; break; fi
  done
fi
[[ -n "${SEED:-}" && -f "$SEED" ]] || { echo "error: seed post not found" >&2; exit 1; }

# --- make sure jekyll + GFM parser are available ----------------------------
have_gfm() { ruby -e 'require "kramdown-parser-gfm"' >/dev/null 2>&1; }
if ! command -v jekyll >/dev/null 2>&1 || ! have_gfm; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing jekyll + ruby-kramdown-parser-gfm via apt-get ..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jekyll ruby-kramdown-parser-gfm
  else
    echo "error: need 'jekyll' and 'ruby-kramdown-parser-gfm' (apt-get install -y jekyll ruby-kramdown-parser-gfm)" >&2
    exit 1
  fi
fi

# --- build the throwaway site ----------------------------------------------
TMP="$(mktemp -d -t jekyll-baselines.XXXXXX)"
if [[ -z "${KEEP_TMP:-}" ]]; then trap 'rm -rf "$TMP"' EXIT; else echo "temp site: $TMP" >&2; fi
SRC="$TMP/src"; SITE="$TMP/_site"
mkdir -p "$SRC/_posts" "$SRC/_layouts"

cat > "$SRC/_config.yml" <<'YAML'
# Minimal config; values below are the Jekyll 4 defaults, spelled out.
url: ""
baseurl: ""
markdown: kramdown
highlighter: rouge
kramdown:
  input: GFM
defaults:
  - scope: { path: "", type: posts }
    values: { layout: post }
YAML

# Layout: body only, no trailing newline.
printf '%s' '{{ content }}' > "$SRC/_layouts/post.html"

# A page that makes Jekyll itself report each post's source path and URL.
cat > "$SRC/posts_index.json" <<'LIQUID'
---
permalink: /__posts_index.json
layout: null
---
[{% for p in site.posts %}{"path": {{ p.path | jsonify }}, "url": {{ p.url | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]
LIQUID

cp "$SEED" "$SRC/_posts/$SEED_NAME"
shopt -s nullglob
fixtures=("$FIXTURES"/*.md)
(( ${#fixtures[@]} )) || { echo "error: no fixtures in $FIXTURES" >&2; exit 1; }
cp "${fixtures[@]}" "$SRC/_posts/"

( cd "$SRC" && TZ=UTC jekyll build --source "$SRC" --destination "$SITE" --trace )

# --- extract outputs ---------------------------------------------------------
mkdir -p "$OUT"
rm -f "$OUT"/*.html "$OUT"/*.json

SRC="$SRC" SITE="$SITE" OUT="$OUT" ruby -rjson -e '
  src, site, out = ENV["SRC"], ENV["SITE"], ENV["OUT"]
  index = JSON.parse(File.read(File.join(site, "__posts_index.json")))
  by_file = index.to_h { |e| [File.basename(e["path"]), e["url"]] }
  slug_of = ->(f) { File.basename(f, ".md").sub(/\A\d{4}-\d{2}-\d{2}-/, "") }
  permalinks = {}
  unpublished = []
  Dir[File.join(src, "_posts", "*.md")].sort.each do |f|
    slug = slug_of.(f)
    url = by_file[File.basename(f)]
    if url.nil?
      unpublished << slug
      next
    end
    html_path = File.join(site, url)
    html_path = File.join(html_path, "index.html") if url.end_with?("/")
    abort "missing rendered file for #{slug}: #{html_path}" unless File.file?(html_path)
    File.binwrite(File.join(out, "#{slug}.html"), File.binread(html_path))
    permalinks[slug] = url
  end
  # Published: false posts must not be rendered anywhere in _site.
  unpublished.each do |slug|
    hits = Dir[File.join(site, "**", "*#{slug}*")]
    abort "unpublished post #{slug} was rendered: #{hits}" unless hits.empty?
  end
  File.write(File.join(out, "permalinks.json"), JSON.pretty_generate(permalinks.sort.to_h) + "\n")
  File.write(File.join(out, "unpublished.json"), JSON.pretty_generate(unpublished.sort) + "\n")
  puts "rendered: #{permalinks.keys.sort.join(", ")}"
  puts "absent (unpublished): #{unpublished.sort.join(", ")}"
'

{
  echo "# Generated by scripts/jekyll-baselines.sh — do not edit by hand."
  echo "jekyll: $(jekyll --version 2>/dev/null | awk '{print $2}')"
  ruby -e '
    %w[kramdown kramdown-parser-gfm rouge liquid].each do |g|
      v = (Gem.loaded_specs[g] || Gem::Specification.find_by_name(g) rescue nil)
      puts "#{g}: #{v ? v.version : "unknown"}"
    end
    puts "ruby: #{RUBY_VERSION}"'
  echo "seed: $(basename "$SEED")"
} > "$OUT/VERSIONS.txt"

echo "baselines written to $OUT" >&2

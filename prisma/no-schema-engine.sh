#!/bin/sh
echo "schema engine not available: migrations are plain SQL applied by npm run db:migrate" >&2
exit 1

-- The county index (V605) also carries the theme, format and key groups, the filters the dashboard's figures link to
-- (a county's records of one theme, format or key group). A county's records are spread over the whole ledger's heap
-- (records of all counties are written as they come), so counting a county's year filtered by theme visited one heap
-- page per record: 8,656 pages and 98 ms on the province benchmark data. With the columns in the index the count and
-- the page's ids are read from the index alone (2.6–9.5 ms). The index grows from 128 MB to 176 MB per 1,000,000
-- records; writing 70,000 records measured the same with either index, within the runs' spread (docs/PERFORMANCE.md).
drop index activity_county_start_idx;
create index activity_county_start_idx
    on activity (activity_county_of(division_path), starts_at, id)
    include (status, division_path, theme_code, format_code, key_groups);

-- The county list's first page: records of one county, newest first. activity_path_start_idx holds a county's
-- records as one range of village paths, each village ordered by start, so PostgreSQL read every record of the
-- county's year (10,000 in the province benchmark) and sorted them to keep 50. This index orders a county's records
-- by start across all its villages: the page is the first 50 entries of a backward scan. Its first column is
-- activity_county_of(division_path) (V604: the path cut to its first three segments, shorter paths whole), the
-- condition ActivitySearch adds to queries whose scope or division filter is a county. division_path and status are
-- included so the page's ids come from the index alone.
create index activity_county_start_idx
    on activity (activity_county_of(division_path), starts_at, id)
    include (status, division_path);

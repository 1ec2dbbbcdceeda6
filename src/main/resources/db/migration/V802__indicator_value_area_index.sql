-- The refresh rewrites the rows of a few townships and counties for whole years: find them by area, not by
-- element (the primary key starts with the element and would scan every area of every element).
create index indicator_value_area_idx on indicator_value (level, area_path, period_start);

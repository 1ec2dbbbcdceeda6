package org.kepu.shared;

import java.util.List;

/** One page of a list: the rows, the 1-based page number, the page size and the total row count. */
public record PageResult<T>(List<T> rows, int page, int size, long total) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public static int clampPage(Integer page) {
        return page == null || page < 1 ? 1 : page;
    }

    public static int clampSize(Integer size) {
        return size == null || size < 1 ? 50 : Math.min(size, 200);
    }
}

package org.kepu.shared.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.ClassUtils;

/**
 * Maps rows to records by column name ({@code parent_code} → {@code parentCode}), like {@code JdbcClient.query(Class)}
 * but without its cost: Spring's {@code SimplePropertyRowMapper} looks each camel-case component up by its own name
 * first and lets the driver throw (and format, and fill a stack trace for) an exception per row and component before
 * trying the underscored name. On a 200-row division list that was a third of the page's CPU time. Here the columns
 * are matched once per result set from its metadata.
 *
 * <pre>
 * jdbc.sql("select code, parent_code, … from division").query(Rows.of(Division.class)).list();
 * </pre>
 *
 * Each call returns a new mapper (it remembers the column positions of the result set it is used on); the record's
 * constructor is looked up once per class.
 */
public final class Rows<T> implements RowMapper<T> {

    private static final ClassValue<Shape<?>> SHAPES = new ClassValue<>() {
        @Override
        protected Shape<?> computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final Shape<T> shape;
    private ResultSet mappedFor;
    private int[] indexes;

    private Rows(Shape<T> shape) {
        this.shape = shape;
    }

    /** A mapper for one query's rows into the record type {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> Rows<T> of(Class<T> type) {
        return new Rows<>((Shape<T>) SHAPES.get(type));
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rs != mappedFor) {
            indexes = shape.indexes(rs.getMetaData());
            mappedFor = rs;
        }
        Object[] args = new Object[indexes.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = shape.value(rs, indexes[i], i);
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + shape.constructor.getDeclaringClass().getName(), e);
        }
    }

    /**
     * @param plain per component: the column value can be passed as it is when it already has the component's
     *     (boxed) type, because the type has no generics that a conversion would have to fill in
     */
    private record Shape<T>(Constructor<T> constructor, String[] columns, TypeDescriptor[] types, Class<?>[] raw,
            boolean[] plain) {

        private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

        static <T> Shape<T> of(Class<T> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            String[] columns = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                columns[i] = JdbcUtils.convertPropertyNameToUnderscoreName(components[i].getName());
            }
            try {
                Constructor<T> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                TypeDescriptor[] types = new TypeDescriptor[components.length];
                boolean[] plain = new boolean[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
                    plain[i] = types[i].getResolvableType().getGenerics().length == 0;
                }
                return new Shape<>(constructor, columns, types, raw, plain);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
            }
        }

        int[] indexes(ResultSetMetaData meta) throws SQLException {
            Map<String, Integer> byName = new HashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String label = JdbcUtils.lookupColumnName(meta, c).toLowerCase(Locale.ROOT);
                byName.putIfAbsent(label, c);
                byName.putIfAbsent(label.replace("_", ""), c);
            }
            int[] out = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Integer c = byName.get(columns[i]);
                if (c == null) {
                    c = byName.get(columns[i].replace("_", ""));
                }
                if (c == null) {
                    throw new IllegalStateException("No column " + columns[i] + " for "
                            + constructor.getDeclaringClass().getSimpleName() + " in the result");
                }
                out[i] = c;
            }
            return out;
        }

        Object value(ResultSet rs, int index, int component) throws SQLException {
            Object v = JdbcUtils.getResultSetValue(rs, index, raw[component]);
            if (v == null) {
                if (raw[component].isPrimitive()) {
                    throw new IllegalStateException("Column " + columns[component] + " is null but "
                            + constructor.getDeclaringClass().getSimpleName() + " needs a " + raw[component]);
                }
                return null;
            }
            if (plain[component] && ClassUtils.resolvePrimitiveIfNecessary(raw[component]).isInstance(v)) {
                return v;
            }
            return CONVERSIONS.convert(v, TypeDescriptor.forObject(v), types[component]);
        }
    }
}

package dev.relay.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.relay.common.StorageException;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns core aggregates and events into JSON documents and back. Aggregates are records rebuilt through their canonical
 * constructors, so their own validation runs on every read; only record components are written (derived accessors such
 * as {@code isOpen()} are not). Closed choices (sealed interfaces) carry their concrete class, which is safe because
 * only Relay's own types in {@code dev.relay} are typed that way. {@link FieldValues} need the schema they are bound
 * to, which the caller passes per read ({@link #reader}); values are written in their canonical types, decimals as
 * strings so that their scale survives.
 */
final class AggregateJson {
  static final String SCHEMA = "relay.schema";

  private final ObjectMapper mapper;

  AggregateJson() {
    SimpleModule fields = new SimpleModule("relay-fields");
    fields.addSerializer(FieldValues.class, new FieldValuesSerializer());
    fields.addDeserializer(FieldValues.class, new FieldValuesDeserializer());
    ObjectMapper m = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(fields)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .build();
    m.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
    m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    m.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    ObjectMapper.DefaultTypeResolverBuilder typing = new ObjectMapper.DefaultTypeResolverBuilder(
        ObjectMapper.DefaultTyping.NON_FINAL, LaissezFaireSubTypeValidator.instance) {
      private static final long serialVersionUID = 1L;

      @Override
      public boolean useForType(JavaType t) {
        // Only Relay's own closed choices carry a type tag; collections, maps and JDK values stay plain JSON.
        Class<?> raw = t.getRawClass();
        return (raw.isInterface() || raw.isSealed()) && raw.getName().startsWith("dev.relay.");
      }
    };
    typing.init(JsonTypeInfo.Id.CLASS, null).inclusion(JsonTypeInfo.As.PROPERTY).typeProperty("@type");
    m.setDefaultTyping(typing);
    m.addMixIn(dev.relay.pipeline.Approval.class, ApprovalBasis.class);
    this.mapper = m;
  }

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  <T> T read(String json, Class<T> type, FieldSchema schema) {
    try {
      return reader(type, schema).readValue(json);
    } catch (IOException e) {
      throw new StorageException("cannot read a stored " + type.getSimpleName(), e);
    }
  }

  <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new StorageException("cannot read a stored " + type.getSimpleName(), e);
    }
  }

  private ObjectReader reader(Class<?> type, FieldSchema schema) {
    return mapper.readerFor(type).withAttribute(SCHEMA, schema);
  }

  /**
   * An approval's basis holds field values in their canonical Java types (Long, BigDecimal, LocalDate, …), compared
   * with the deal's fields by {@code equals}; plain JSON would bring 18L back as 18 (an Integer), so each value carries
   * its type.
   */
  abstract static class ApprovalBasis {
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = TypedValuesSerializer.class)
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = TypedValuesDeserializer.class)
    Map<String, Object> basis;
  }

  static final class TypedValuesSerializer extends JsonSerializer<Map<String, Object>> {
    @Override
    public void serialize(Map<String, Object> value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeStartObject();
      for (Map.Entry<String, Object> e : new java.util.TreeMap<>(value).entrySet()) {
        gen.writeArrayFieldStart(e.getKey());
        writeTyped(e.getValue(), gen);
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }

    private static void writeTyped(Object v, JsonGenerator gen) throws IOException {
      if (v instanceof Long n) {
        gen.writeString("long");
        gen.writeString(n.toString());
      } else if (v instanceof BigDecimal d) {
        gen.writeString("decimal");
        gen.writeString(d.toPlainString());
      } else if (v instanceof LocalDate d) {
        gen.writeString("date");
        gen.writeString(d.toString());
      } else if (v instanceof Boolean b) {
        gen.writeString("boolean");
        gen.writeString(b.toString());
      } else if (v instanceof Collection<?> c) {
        gen.writeString("list");
        gen.writeStartArray();
        for (Object o : c) {
          gen.writeString(String.valueOf(o));
        }
        gen.writeEndArray();
      } else {
        gen.writeString("string");
        gen.writeString(String.valueOf(v));
      }
    }
  }

  static final class TypedValuesDeserializer extends JsonDeserializer<Map<String, Object>> {
    @Override
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      com.fasterxml.jackson.databind.JsonNode node = ctxt.readTree(p);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : node.properties()) {
        com.fasterxml.jackson.databind.JsonNode typed = e.getValue();
        String type = typed.get(0).asText();
        com.fasterxml.jackson.databind.JsonNode v = typed.get(1);
        out.put(e.getKey(), switch (type) {
          case "long" -> Long.valueOf(v.asText());
          case "decimal" -> new BigDecimal(v.asText());
          case "date" -> LocalDate.parse(v.asText());
          case "boolean" -> Boolean.valueOf(v.asText());
          case "list" -> {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            yield List.copyOf(items);
          }
          default -> v.asText();
        });
      }
      return out;
    }
  }

  private static final class FieldValuesSerializer extends JsonSerializer<FieldValues> {
    @Override
    public void serialize(FieldValues value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject();
      for (Map.Entry<String, Object> e : value.asMap().entrySet()) {
        gen.writeFieldName(e.getKey());
        writeValue(e.getValue(), gen, serializers);
      }
      gen.writeEndObject();
    }

    private static void writeValue(Object v, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      if (v instanceof BigDecimal d) {
        // As a string: a JSON number may come back with another scale, and 12.50 must stay 12.50.
        gen.writeString(d.toPlainString());
      } else if (v instanceof LocalDate d) {
        gen.writeString(d.toString());
      } else if (v instanceof Collection<?> c) {
        gen.writeStartArray();
        for (Object o : c) {
          writeValue(o, gen, serializers);
        }
        gen.writeEndArray();
      } else {
        serializers.defaultSerializeValue(v, gen);
      }
    }

    @Override
    public void serializeWithType(FieldValues value, JsonGenerator gen, SerializerProvider serializers,
        com.fasterxml.jackson.databind.jsontype.TypeSerializer typeSer) throws IOException {
      serialize(value, gen, serializers);
    }
  }

  private static final class FieldValuesDeserializer extends JsonDeserializer<FieldValues> {
    @Override
    public FieldValues deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object schema = ctxt.getAttribute(SCHEMA);
      if (!(schema instanceof FieldSchema s)) {
        throw new IllegalStateException("field values read without a schema");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> raw = ctxt.readValue(p, LinkedHashMap.class);
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : raw.entrySet()) {
        Object v = e.getValue();
        values.put(e.getKey(), v instanceof List<?> l ? new ArrayList<>(l) : v);
      }
      // FieldValues#with coerces strings back to decimals and dates; a field the schema no longer has is dropped
      // exactly as rebinding to a newer playbook drops it.
      values.keySet().removeIf(k -> s.slotOf(k) < 0);
      return FieldValues.empty(s).with(values, true);
    }
  }
}

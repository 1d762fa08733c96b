package dev.relay.scoring;

import dev.relay.common.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference {@link ScoringModelRepository}: models kept as their JSON text (so that whatever it returns went
 * through the same serialisation a database adapter uses), versions appended under one lock. Thread-safe.
 */
public final class InMemoryScoringModelRepository implements ScoringModelRepository {
  private record Key(TenantId tenant, String key) {}

  private final Map<Key, List<String>> versions = new HashMap<>();

  @Override
  public synchronized StoredModel save(TenantId tenant, String key, PredictiveModel model) {
    Objects.requireNonNull(model, "model");
    List<String> list = versions.computeIfAbsent(new Key(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(key, "key")), k -> new ArrayList<>());
    list.add(PredictiveModelJson.write(model));
    return new StoredModel(tenant, key, list.size(), PredictiveModelJson.read(list.get(list.size() - 1)));
  }

  @Override
  public synchronized Optional<StoredModel> latest(TenantId tenant, String key) {
    List<String> list = versions.get(new Key(tenant, key));
    return list == null ? Optional.empty() : find(tenant, key, list.size());
  }

  @Override
  public synchronized Optional<StoredModel> find(TenantId tenant, String key, int version) {
    List<String> list = versions.get(new Key(tenant, key));
    if (list == null || version < 1 || version > list.size()) {
      return Optional.empty();
    }
    return Optional.of(new StoredModel(tenant, key, version, PredictiveModelJson.read(list.get(version - 1))));
  }

  @Override
  public synchronized List<String> keys(TenantId tenant) {
    return versions.keySet().stream().filter(k -> k.tenant().equals(tenant)).map(Key::key).sorted().toList();
  }
}

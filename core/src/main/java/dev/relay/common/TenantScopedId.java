package dev.relay.common;

/** An identifier that carries its tenant, so that no lookup can forget to scope by tenant. */
public interface TenantScopedId {
  TenantId tenant();

  /** The tenant-local part of the identifier. */
  String value();
}

-- /er response-times and the daily summary's response legs (issue 10): a window's dispatches, then their
-- calls, units and transports each read as one range of dispatch ids from an index alone, instead of
-- looking each dispatch's rows up in turn.

-- The window's dispatches with their severity, from the index alone.
ALTER TABLE ambulance_dispatch
  DROP KEY ix_dispatch_time,
  ADD KEY ix_dispatch_time (dispatched_at, severity);

-- Each dispatch's first call.
ALTER TABLE emergency_call
  DROP KEY ix_call_dispatch,
  ADD KEY ix_call_dispatch (dispatch_id, received_at);

-- Each dispatch's transports by unit, in pick-up order.
ALTER TABLE transport
  DROP KEY ix_transport_dispatch,
  ADD KEY ix_transport_dispatch (dispatch_id, ambulance_id, pickup_at, dropoff_at);

-- The ER arrival a transport led to.
ALTER TABLE er_visit ADD KEY ix_er_visit_transport_arrival (transport_id, arrived_at);

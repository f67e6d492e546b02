/// Planner: location-allocation for new stations (MCLP, LSCP, p-median).
public enum Planner {}

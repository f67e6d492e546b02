/// Coverage: reach (isochrones) and audit (hotspot and district coverage).
public enum Coverage {}

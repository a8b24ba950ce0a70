"""Law texts, herleid and impact, citations in prose, postponing a wetswijziging."""

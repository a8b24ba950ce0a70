"""The house: its layers and doors, the code's cleanliness, the wheel, hostile input, the benchmark."""

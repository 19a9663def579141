// Tests are offline and deterministic: nothing may read the real clock through the estate.
process.env.TZ = 'Asia/Tokyo';

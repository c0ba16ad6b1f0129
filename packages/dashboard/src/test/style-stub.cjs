// Stands in for CSS imports under Jest.
module.exports = {};

export default { greeting: 'Hello', farewell: 'Goodbye' };

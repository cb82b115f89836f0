/** The shape of the search's query string: an interface, so nothing checks it at run time. */
export interface SearchQuery {
  category: string;
}

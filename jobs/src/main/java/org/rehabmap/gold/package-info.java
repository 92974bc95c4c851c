/**
 * What the jobs that make and read gold share, below all of them: London's geography, the silver
 * inputs with the columns gold reads, the periods of each source, the population denominators, the
 * apportionment of a workforce to boroughs, the settings they are made with, and the writer that
 * checks every gold table against its contract before anything is written. Curate and the workforce
 * model both build on these; publish reads the same geography.
 */
package org.rehabmap.gold;
